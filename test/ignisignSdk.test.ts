import { verifyTimestampToken } from '../src/apis/ignisign/timestampToken';
import { createServer, type StandinServer } from '../src/server';
import { IgnisignSdkReplay, SDK_PATHS, sdkRequestUrl } from './ignisignSdkReplay';

// The Ignisign SDK keeps only scheme and host of IGNISIGN_SERVER_URL, so it needs Ignisign at the
// root of a port: `standin serve --api-port ignisign=PORT` beside the prefixed main port.

const KEY = 'skv2_development_demo_devsecret';
const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';

describe("the SDK's URL handling", () => {
  it.each([
    ['http://127.0.0.1:4556', 'http://127.0.0.1:4556/v4/applications/appId_demo/context'],
    ['http://127.0.0.1:4556/', 'http://127.0.0.1:4556/v4/applications/appId_demo/context'],
    ['http://127.0.0.1:4010/ignisign', 'http://127.0.0.1:4010/v4/applications/appId_demo/context'],
    ['http://127.0.0.1:4010/ignisign/', 'http://127.0.0.1:4010/v4/applications/appId_demo/context'],
    ['http://localhost:4010/a/b?x=1#f', 'http://localhost:4010/v4/applications/appId_demo/context'],
    ['https://api.ignisign.io', 'https://api.ignisign.io/v4/applications/appId_demo/context'],
  ])('server URL %s -> the context call goes to %s (any path prefix is dropped)', (serverUrl, expected) => {
    expect(sdkRequestUrl(serverUrl, SDK_PATHS.getApplicationContext, { appId: 'appId_demo' })).toBe(expected);
  });

  it('fills the placeholders with encodeURIComponent', () => {
    expect(sdkRequestUrl('http://h:1/p', SDK_PATHS.logCapsuleCreate, { appId: 'appId_a b/c', appEnv: 'DEVELOPMENT' })).toBe(
      'http://h:1/v4/applications/appId_a%20b%2Fc/envs/DEVELOPMENT/log-capsules',
    );
  });
});

describe('the SDK against standin serve --api-port ignisign=0', () => {
  let server: StandinServer;
  let apiRoot: string;
  let main: string;
  beforeAll(async () => {
    server = createServer({ port: 0, apiPorts: { ignisign: 0 }, now: '2024-07-29T15:51:28.071Z' });
    await server.listen();
    ({ main } = server.urls());
    apiRoot = server.urls().apis.ignisign!;
  });
  afterAll(() => server.close());

  it.each([
    ['the API port', ''],
    ['the API port with a path prefix the SDK drops', '/ignisign'],
  ])('with IGNISIGN_SERVER_URL at %s: init and logCapsuleCreate succeed', async (_name, suffix) => {
    const sdk = new IgnisignSdkReplay(`${apiRoot}${suffix}`, KEY);
    const init = await sdk.init();
    expect(init).toMatchObject({ kind: 'data', data: { appId: 'appId_demo', appType: 'LOG_CAPSULE' } });
    const created = await sdk.logCapsuleCreate(HASH);
    if (created.kind !== 'data') throw new Error(`expected a capsule, got ${JSON.stringify(created)}`);
    expect(created.data.hashSha256_b64).toBe(HASH);
    expect(verifyTimestampToken(created.data.timestamp_b64, { hashSha256_b64: HASH }).valid).toBe(true);
    expect(sdk.requested).toEqual([
      `GET ${apiRoot}/v4/applications/appId_demo/context`,
      `POST ${apiRoot}/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules`,
    ]);
  });

  it('a capsule made through the API port is in the state the main port shows (the SDK sends no namespace: default)', async () => {
    const before = (await (await fetch(`${main}/__admin/state/ignisign`)).json()) as { state: { lastSerial: number } };
    const sdk = new IgnisignSdkReplay(apiRoot, KEY);
    await sdk.init();
    expect((await sdk.logCapsuleCreate(Buffer.alloc(32, 1).toString('base64'))).kind).toBe('data');
    const after = (await (await fetch(`${main}/__admin/state/ignisign`)).json()) as { state: { lastSerial: number } };
    expect(after.state.lastSerial).toBe(before.state.lastSerial + 1);
  });

  it('a 44-character value the vendor accepts but that is not 32 bytes is timestamped, as by the vendor', async () => {
    const sdk = new IgnisignSdkReplay(apiRoot, KEY);
    await sdk.init();
    const odd = Buffer.alloc(31, 3).toString('base64');
    expect(await sdk.logCapsuleCreate(odd)).toMatchObject({ kind: 'data', data: { hashSha256_b64: odd } });
  });

  it('errors reach the caller as IGNISIGN SDK EXCEPTIONs with the vendor code', async () => {
    const sdk = new IgnisignSdkReplay(apiRoot, KEY);
    await sdk.init();
    expect(await sdk.logCapsuleCreate('not base64')).toMatchObject({ kind: 'sdkException', message: 'IGNISIGN SDK EXCEPTION: BODY_VALIDATION_FAILED' });
    expect(await new IgnisignSdkReplay(apiRoot, 'skv2_development_demo_wrongsecret').init()).toMatchObject({ kind: 'sdkException', code: 'INVALID_TOKEN' });
    // What an SDK built with a legacy secret calls first: a route the mock does not serve.
    expect(await sdk.call('POST', SDK_PATHS.apiAuth, {}, { appId: 'appId_demo', appEnv: 'DEVELOPMENT', secret: 'x' })).toMatchObject({
      kind: 'sdkException',
      code: 'NOT_YET_IMPLEMENTED',
    });
    // A wrong method on a served route.
    expect(await sdk.call('GET', SDK_PATHS.logCapsuleCreate, { appId: 'appId_demo', appEnv: 'DEVELOPMENT' })).toMatchObject({
      kind: 'sdkException',
      code: 'BAD_REQUEST',
    });
  });

  it('pointed at the prefixed main port, init fails with the raw HTTP 404 (the documented failure)', async () => {
    const sdk = new IgnisignSdkReplay(`${main}/ignisign`, KEY);
    const init = await sdk.init();
    expect(sdk.requested).toEqual([`GET ${main}/v4/applications/appId_demo/context`]);
    expect(init).toMatchObject({ kind: 'rawHttpError', status: 404, data: { standin: { error: 'UnknownApi' } } });
    const message = (init as { data: { standin: { message: string } } }).data.standin.message;
    expect(message).toContain('looks like a path of ignisign without its prefix');
    expect(message).toContain('--api-port ignisign=PORT');
  });
});
