import type { components } from '../../types/losant';
import type { CertificateInfo } from './certificateInfo';

type Schemas = components['schemas'];

export type CertificateStatus = Schemas['CertificateStatus'];
export type FilterType = Schemas['FilterType'];
export type CertificatePost = Schemas['ApplicationCertificatePost'];
export type CertificatePatch = Schemas['ApplicationCertificatePatch'];

/** A stored certificate, already in the shape the API returns. */
export interface Certificate {
  id: string;
  applicationCertificateId: string;
  applicationId: string;
  creationDate: string;
  lastUpdated: string;
  /** Set by the client, or else from the certificate when it is stored (defaultName). */
  name: string;
  status: CertificateStatus;
  description?: string;
  deviceIds?: string[];
  deviceTags?: Schemas['DeviceTagPost'][];
  certificateInfo: CertificateInfo;
  filterType: FilterType;
  pubTopics: string[];
  subTopics: string[];
  certificate: string;
}
