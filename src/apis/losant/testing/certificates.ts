import { OPENSSL_CERTIFICATE } from '../contract/scenarioSupport';

// Real PEM certificates for tests (made with openssl; EC P-256, self-signed).

/** The spec's POST example: CN example-device (the contract scenarios' copy, so there is one). */
export const EXAMPLE_PEM = OPENSSL_CERTIFICATE.pem;

/** What openssl itself reports for EXAMPLE_PEM (-serial, -fingerprint -sha1, -dates), as certificateInfo. */
export const EXAMPLE_INFO = OPENSSL_CERTIFICATE.info;

/** A subject and issuer without CN (O=Acme Devices, OU=Line 4). */
export const NO_CN_PEM = `-----BEGIN CERTIFICATE-----
MIIBpTCCAUugAwIBAgIUEinQh3EyNYnDyxxW4ZHmQMufOC4wCgYIKoZIzj0EAwIw
KDEVMBMGA1UECgwMQWNtZSBEZXZpY2VzMQ8wDQYDVQQLDAZMaW5lIDQwHhcNMjYx
MTI0MDExODIxWhcNMzYxMTIxMDExODIxWjAoMRUwEwYDVQQKDAxBY21lIERldmlj
ZXMxDzANBgNVBAsMBkxpbmUgNDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGqZ
7KXtrnwyO3kr375AzE65J0FdP13pj2wkqiOR9hbXasZ5kCDLoGstI4ZAWWnN/wqW
GJ1pZVSjQv/+h6l+KFOjUzBRMB0GA1UdDgQWBBRQ7TPqK9jN63Kb76Mqn0oOYZxC
6TAfBgNVHSMEGDAWgBRQ7TPqK9jN63Kb76Mqn0oOYZxC6TAPBgNVHRMBAf8EBTAD
AQH/MAoGCCqGSM49BAMCA0gAMEUCIH+U73UrApQI4evLukALtwtutFDJ8oke5Vpl
aPVBlVmqAiEAwLhN7ZFBeDVuOdV7ir10dmJzmGQC+fZjsUuR8ITM8AE=
-----END CERTIFICATE-----
`;

/** CN second-device. */
export const SECOND_PEM = `-----BEGIN CERTIFICATE-----
MIIBhjCCASugAwIBAgIUQSa0JOGyzsVlcDMSAla0efr+azswCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNc2Vjb25kLWRldmljZTAeFw0yNjExMjQwMTE4MjFaFw0zNjEx
MjEwMTE4MjFaMBgxFjAUBgNVBAMMDXNlY29uZC1kZXZpY2UwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAAS/ufK7ZtkRUb45p/Vw0VrXxDRVzZGys4PSyZGQXKVE9hxn
70sYeSe6yOL3adbHNpiQ003EWJAw7FyFUeINmxy8o1MwUTAdBgNVHQ4EFgQUv/PO
RkI1QtGGgroA+xzh6jS3SdQwHwYDVR0jBBgwFoAUv/PORkI1QtGGgroA+xzh6jS3
SdQwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA5XVBNsBymjT2
8ufNYat3FZsxb5ET7qFcztHRWO9d/NgCIQCisQ8exOgZIrGdvs8+uLiegW+14PD/
VVyEJanudfrFBw==
-----END CERTIFICATE-----
`;
