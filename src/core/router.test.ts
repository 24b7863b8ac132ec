import { Router } from './router';
import type { SpecOperation } from './spec';

// The router's literal-path shortcut must answer exactly as the ordered walk over every template does.

const op = (method: string, pathTemplate: string, operationId: string) => ({ method, pathTemplate, operationId }) as SpecOperation;

const router = new Router([
  op('GET', '/things/', 'listThings'),
  op('POST', '/things', 'createThing'),
  op('GET', '/things/{id}', 'getThing'),
  op('GET', '/things/mine', 'getMine'),
  op('DELETE', '/things/{id}/parts/{part}', 'deletePart'),
  op('GET', '/files/{name}.json', 'getFile'),
]);

const idOf = (method: string, path: string) => {
  const m = router.match(method, path);
  return m.kind === 'found' ? [m.operation.operationId, m.params] : m.kind === 'methodNotAllowed' ? ['405', m.allow] : ['404'];
};

describe('Router', () => {
  it('matches a literal template with or without its trailing slash, and only that path', () => {
    expect(idOf('GET', '/things')).toEqual(['listThings', {}]);
    expect(idOf('POST', '/things/')).toEqual(['createThing', {}]);
    expect(idOf('GET', '/things//')).toEqual(['404']);
    expect(idOf('GET', '/Things')).toEqual(['404']);
  });

  it('a literal template wins over a templated one that also matches, and its 405 lists its own methods', () => {
    expect(idOf('GET', '/things/mine/')).toEqual(['getMine', {}]);
    expect(idOf('PUT', '/things/mine')).toEqual(['405', ['GET']]);
    expect(idOf('HEAD', '/things/mine')).toEqual(['getMine', {}]);
  });

  it('decodes parameters, keeping a malformed escape as sent', () => {
    expect(idOf('GET', '/things/t%31')).toEqual(['getThing', { id: 't1' }]);
    expect(idOf('GET', '/things/t%E0%A4%A')).toEqual(['getThing', { id: 't%E0%A4%A' }]);
    expect(idOf('DELETE', '/things/a/parts/b%2Fc')).toEqual(['deletePart', { id: 'a', part: 'b/c' }]);
    expect(idOf('GET', '/files/x.json')).toEqual(['getFile', { name: 'x' }]);
  });
});
