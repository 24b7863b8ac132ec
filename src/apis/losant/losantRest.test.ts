import { createServer, type StandinServer } from '../../server';
import { EXAMPLE_PEM, SECOND_PEM } from './testing/certificates';

// The official client, pointed at the mock with its `url` option, must work for all five operations.
// It sends _actions/_links/_embedded on every call, Accept-Version, and a `{}` JSON body on DELETE.
// losant-rest ships no type declarations, so it is required untyped.
const losantRest = require('losant-rest');

const APP = '575ec8687ae143cd83dc4a97';
let server: StandinServer;
let client: any;

beforeAll(async () => {
  server = createServer({ apis: ['losant'] });
  await server.listen(0);
  client = losantRest.createClient({ accessToken: 'losant-demo-all', url: `${server.url()}/losant` });
});

afterAll(async () => {
  await server.close();
});

describe('losant-rest 2.8.1 against the mock', () => {
  it('lists, creates, gets, patches and deletes an application certificate', async () => {
    const list = await client.applicationCertificates.get({ applicationId: APP, filterField: 'certificateInfo.commonName', filter: 'my*', perPage: '5' });
    expect(list).toMatchObject({ count: 1, totalCount: 1, perPage: 5, page: 0, filterField: 'certificateInfo.commonName', filter: 'my*' });
    expect(list.items[0]).toMatchObject({ id: '575ec76c7ae143cd83dc4a96', description: 'An example certificate description', status: 'active' });

    const created = await client.applicationCertificates.post({
      applicationId: APP,
      applicationCertificate: { certificate: EXAMPLE_PEM, description: 'from losant-rest', pubTopics: ['a/b'] },
    });
    expect(created).toMatchObject({ applicationId: APP, status: 'active', filterType: 'all', description: 'from losant-rest', pubTopics: ['a/b'] });
    expect(created.certificateInfo.fingerprint).toBe('AE:25:BC:A5:B1:2A:CA:FC:54:C9:D9:BB:99:E9:8F:AE:5E:99:B0:04');
    const ids = { applicationId: APP, applicationCertificateId: created.id };

    expect(await client.applicationCertificate.get(ids)).toEqual(created);

    const patched = await client.applicationCertificate.patch({ ...ids, applicationCertificate: { status: 'inactive', certificate: SECOND_PEM } });
    expect(patched).toMatchObject({ id: created.id, status: 'inactive', description: 'from losant-rest', certificateInfo: { commonName: 'second-device' } });

    expect(await client.applicationCertificate.delete(ids)).toEqual({ success: true });
    await expect(client.applicationCertificate.get(ids)).rejects.toMatchObject({
      statusCode: 404,
      type: 'NotFound',
      message: 'Application Certificate was not found',
    });
  });

  it('surfaces the mock\'s 401 and 403 as the errors losant-cli expects', async () => {
    const anonymous = losantRest.createClient({ url: `${server.url()}/losant` });
    await expect(anonymous.applicationCertificates.get({ applicationId: APP })).rejects.toMatchObject({ statusCode: 401, type: 'Unauthorized', message: 'Invalid access token' });
    const readOnly = losantRest.createClient({ accessToken: 'losant-demo-read', url: `${server.url()}/losant` });
    await expect(readOnly.applicationCertificates.post({ applicationId: APP, applicationCertificate: { certificate: EXAMPLE_PEM } })).rejects.toMatchObject({ statusCode: 403, type: 'Forbidden' });
  });
});

describe('losant: parallel creates', () => {
  it('100 simultaneous POSTs each get their own id, and all are stored', async () => {
    const namespace = 'losant-parallel';
    const headers = { authorization: 'Bearer losant-demo-all', 'content-type': 'application/json', 'x-standin-namespace': namespace };
    const url = `${server.url()}/losant/applications/${APP}/certificates`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => fetch(url, { method: 'POST', headers, body: JSON.stringify({ certificate: EXAMPLE_PEM, description: `n${i}` }) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(100);
    const list = (await (await fetch(`${url}?perPage=1000`, { headers })).json()) as { totalCount: number };
    expect(list.totalCount).toBe(105);
  });
});
