import { createServer, type StandinServer } from '../../../server';
import { EXAMPLE_PEM, SECOND_PEM } from './certificates';

// One scenario for every losant-rest release the registry has (2.3.7 and 2.8.1): the official
// client, unmodified, pointed at the mock with its `url` option, through all five operations and
// their error cases. It sends _actions/_links/_embedded on every call, Accept-Version, string or
// number page/perPage, and a `{}` JSON body on DELETE; it throws Error(body.message) carrying
// `type` and `statusCode`. losant-rest ships no type declarations, so it is typed loosely here.

type LosantRest = { createClient(options: { accessToken?: string; url: string }): any };

const APP = '575ec8687ae143cd83dc4a97';
const OTHER_APP = '5d3f1a2b7ae143cd83dc4b10';
const DEMO_CERT = '575ec76c7ae143cd83dc4a96';
const UNKNOWN = 'aaaaaaaaaaaaaaaaaaaaaaaa';

export function describeLosantRest(release: string, losantRest: LosantRest): void {
  describe(`losant-rest ${release} against the mock`, () => {
    let server: StandinServer;
    const clients: Record<string, any> = {};
    const as = (token: string) => clients[token];

    beforeAll(async () => {
      server = createServer({ apis: ['losant'] });
      await server.listen(0);
      const url = `${server.url()}/losant`;
      for (const token of ['losant-demo-all', 'losant-demo-bounded', 'losant-demo-read', 'losant-demo-none'])
        clients[token] = losantRest.createClient({ accessToken: token, url });
      clients.anonymous = losantRest.createClient({ url });
      clients.unknown = losantRest.createClient({ accessToken: 'not-a-token', url });
    });

    afterAll(async () => {
      await server.close();
    });

    const client = () => as('losant-demo-all');
    const rejects = (promise: Promise<unknown>, statusCode: number, type: string, message?: string) =>
      expect(promise).rejects.toMatchObject({ statusCode, type, ...(message === undefined ? {} : { message }) });

    it('lists, creates, gets, patches and deletes an application certificate', async () => {
      const list = await client().applicationCertificates.get({ applicationId: APP, filterField: 'certificateInfo.commonName', filter: 'my*', perPage: '5' });
      expect(list).toMatchObject({ count: 1, totalCount: 1, perPage: 5, page: 0, filterField: 'certificateInfo.commonName', filter: 'my*' });
      expect(list.items[0]).toMatchObject({ id: DEMO_CERT, name: 'myDomain.com', description: 'An example certificate description', status: 'active' });

      const created = await client().applicationCertificates.post({
        applicationId: APP,
        applicationCertificate: { certificate: EXAMPLE_PEM, description: `from losant-rest ${release}`, pubTopics: ['a/b'] },
      });
      expect(created).toMatchObject({
        applicationId: APP,
        name: 'example-device',
        status: 'active',
        filterType: 'all',
        description: `from losant-rest ${release}`,
        pubTopics: ['a/b'],
      });
      expect(created.certificateInfo.fingerprint).toBe('AE:25:BC:A5:B1:2A:CA:FC:54:C9:D9:BB:99:E9:8F:AE:5E:99:B0:04');
      const ids = { applicationId: APP, applicationCertificateId: created.id };

      expect(await client().applicationCertificate.get(ids)).toEqual(created);

      const patched = await client().applicationCertificate.patch({ ...ids, applicationCertificate: { status: 'inactive', certificate: SECOND_PEM } });
      expect(patched).toMatchObject({
        id: created.id,
        status: 'inactive',
        description: `from losant-rest ${release}`,
        certificateInfo: { commonName: 'second-device' },
      });

      expect(await client().applicationCertificate.delete(ids)).toEqual({ success: true });
      await rejects(client().applicationCertificate.get(ids), 404, 'NotFound', 'Application Certificate was not found');
    });

    it('list: sorts and pages as asked, numbers or strings; a bad sortField is 400 Validation', async () => {
      const page = await client().applicationCertificates.get({ applicationId: APP, sortField: 'creationDate', sortDirection: 'desc', page: 1, perPage: 2 });
      expect(page).toMatchObject({ count: 2, totalCount: 5, page: 1, perPage: 2, sortField: 'creationDate', sortDirection: 'desc' });
      await rejects(client().applicationCertificates.get({ applicationId: APP, sortField: 'description' }), 400, 'Validation');
      await rejects(client().applicationCertificates.get({ applicationId: APP, perPage: 0 }), 400, 'Validation');
      await rejects(client().applicationCertificates.get({ applicationId: UNKNOWN }), 404, 'NotFound', 'Application was not found');
    });

    it('post: a PEM that does not parse or an unknown field is 400 Validation; an unknown application 404', async () => {
      await rejects(
        client().applicationCertificates.post({ applicationId: APP, applicationCertificate: { certificate: 'x'.repeat(60) } }),
        400,
        'Validation',
        'certificate is not a valid PEM encoded X.509 certificate',
      );
      await rejects(
        client().applicationCertificates.post({ applicationId: APP, applicationCertificate: { certificate: EXAMPLE_PEM, color: 'red' } }),
        400,
        'Validation',
        "body field 'color' is not allowed",
      );
      await rejects(
        client().applicationCertificates.post({ applicationId: UNKNOWN, applicationCertificate: { certificate: EXAMPLE_PEM } }),
        404,
        'NotFound',
        'Application was not found',
      );
    });

    it("get, patch, delete: a malformed id is 400, another application's certificate 404, a field PATCH does not take 400", async () => {
      await rejects(client().applicationCertificate.get({ applicationId: APP, applicationCertificateId: 'not-an-id' }), 400, 'Validation');
      await rejects(
        client().applicationCertificate.get({ applicationId: OTHER_APP, applicationCertificateId: DEMO_CERT }),
        404,
        'NotFound',
        'Application Certificate was not found',
      );
      await rejects(
        client().applicationCertificate.patch({ applicationId: APP, applicationCertificateId: DEMO_CERT, applicationCertificate: { deviceIds: [] } }),
        400,
        'Validation',
        "body field 'deviceIds' is not allowed",
      );
      await rejects(
        client().applicationCertificate.patch({ applicationId: APP, applicationCertificateId: UNKNOWN, applicationCertificate: { status: 'active' } }),
        404,
        'NotFound',
      );
      await rejects(
        client().applicationCertificate.delete({ applicationId: APP, applicationCertificateId: UNKNOWN }),
        404,
        'NotFound',
        'Application Certificate was not found',
      );
    });

    it('tokens: none or unknown is 401 "Invalid access token" (what losant-cli tests for), a missing scope 403, a bounded scope passes', async () => {
      for (const who of ['anonymous', 'unknown'])
        await rejects(as(who).applicationCertificates.get({ applicationId: APP }), 401, 'Unauthorized', 'Invalid access token');
      await rejects(as('losant-demo-none').applicationCertificate.get({ applicationId: APP, applicationCertificateId: DEMO_CERT }), 403, 'Forbidden');
      await rejects(
        as('losant-demo-read').applicationCertificates.post({ applicationId: APP, applicationCertificate: { certificate: EXAMPLE_PEM } }),
        403,
        'Forbidden',
      );
      await rejects(as('losant-demo-read').applicationCertificate.delete({ applicationId: APP, applicationCertificateId: DEMO_CERT }), 403, 'Forbidden');
      expect(await as('losant-demo-read').applicationCertificate.get({ applicationId: APP, applicationCertificateId: DEMO_CERT })).toMatchObject({
        id: DEMO_CERT,
      });
      const bounded = await as('losant-demo-bounded').applicationCertificates.post({
        applicationId: OTHER_APP,
        applicationCertificate: { certificate: SECOND_PEM },
      });
      expect(await as('losant-demo-bounded').applicationCertificate.delete({ applicationId: OTHER_APP, applicationCertificateId: bounded.id })).toEqual({
        success: true,
      });
    });

    it("the newer API's name passes through the old client: POST and PATCH bodies, sortField and filterField", async () => {
      const created = await client().applicationCertificates.post({
        applicationId: OTHER_APP,
        applicationCertificate: { certificate: EXAMPLE_PEM, name: `named by ${release}` },
      });
      expect(created.name).toBe(`named by ${release}`);
      const ids = { applicationId: OTHER_APP, applicationCertificateId: created.id };
      expect(await client().applicationCertificate.patch({ ...ids, applicationCertificate: { name: `renamed by ${release}` } })).toMatchObject({
        name: `renamed by ${release}`,
      });
      const listed = await client().applicationCertificates.get({
        applicationId: OTHER_APP,
        sortField: 'name',
        filterField: 'name',
        filter: `renamed by ${release}`,
      });
      expect(listed).toMatchObject({ totalCount: 1, sortField: 'name', items: [{ id: created.id }] });
      await client().applicationCertificate.delete(ids);
    });

    it('the callback style works too, errors included', async () => {
      const got = await new Promise((resolve, reject) =>
        client().applicationCertificate.get({ applicationId: APP, applicationCertificateId: DEMO_CERT }, (err: Error | null, body: unknown) =>
          err ? reject(err) : resolve(body),
        ),
      );
      expect(got).toMatchObject({ id: DEMO_CERT });
      const err = await new Promise((resolve) =>
        client().applicationCertificate.get({ applicationId: APP, applicationCertificateId: UNKNOWN }, (e: unknown) => resolve(e)),
      );
      expect(err).toMatchObject({ statusCode: 404, type: 'NotFound', message: 'Application Certificate was not found' });
    });
  });
}
