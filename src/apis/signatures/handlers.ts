import type { Handler, HandlerContext } from '../../core/module';
import type { EngineResponse } from '../../core/types';
import type { Reply } from '../../types/helpers';
import type { components, operations } from '../../types/signatures';
import { keyNotSet, parameterInvalid, parameterNotSet, signatureNotFound, versionNotEqual, versionNotSet } from './errors';
import { RequestFields } from './input';
import { isPhpArray, type PhpScalar, phpBool, phpInt, phpString } from './phpCasts';
import type { PhpValue } from './phpJson';
import { renderSignature } from './render';
import type { SignatureRecord, SignatureStore } from './store';

// The controllers of perfumerlabs/ncanode (SignatureController, SignaturesController): each field
// is read raw, then tested for PHP truthiness or cast with (string) / (int) / (bool) exactly where
// the vendor's code does it.

type SignaturesHandler = Handler<SignatureStore>;
type Schemas = components['schemas'];

/** A refusal found while reading the fields; the handler answers it as is. */
class Refusal {
  constructor(readonly response: EngineResponse) {}
}

function reading(handler: (ctx: HandlerContext<SignatureStore>, fields: RequestFields) => EngineResponse): SignaturesHandler {
  return (ctx) => {
    try {
      return handler(ctx, new RequestFields(ctx));
    } catch (e) {
      if (e instanceof Refusal) return e.response;
      throw e;
    }
  };
}

/**
 * A field the vendor uses as a scalar. An array (or JSON object) there is refused [standin choice]:
 * PHP would turn it into the string "Array" with a notice, or into an SQL IN list in a lookup.
 */
function scalar(fields: RequestFields, name: string): PhpScalar | undefined {
  const value = fields.get(name);
  if (isPhpArray(value)) throw new Refusal(parameterInvalid(name, 'must be string'));
  return value;
}

/** `(string) $this->f(name)` of a nullable column: null stays null (false becomes ""). */
function nullableText(fields: RequestFields, name: string): string | null {
  const value = scalar(fields, name);
  return value === undefined ? null : phpString(value);
}

/** A tag as TagQuery::filterByCode($tag)->findOneOrCreate() stores it. */
function tagCode(key: string, tag: PhpValue): string {
  // A null code (a blank or null entry) breaks the NOT NULL column: the vendor answers 500 [standin choice: 400].
  if (tag === null || isPhpArray(tag)) throw new Refusal(parameterInvalid('tags', `tags.${key} must be a non-empty string`));
  return phpString(tag);
}

// The framework drops null keys from the envelope, so a success carries no `message`.
function found(status: number, signature: SignatureRecord): EngineResponse {
  const body: Schemas['SignatureEnvelope'] = { status: true, content: { signature: renderSignature(signature) } };
  return { status, body };
}

/** GET and DELETE share the vendor's lookup: 400 only when both keys are falsy; one alone finds nothing. */
function lookup(fields: RequestFields, store: SignatureStore): { signature?: SignatureRecord; error?: EngineResponse } {
  const document = scalar(fields, 'document');
  const thread = scalar(fields, 'thread');
  if (!phpBool(document) && !phpBool(thread)) return { error: keyNotSet() };
  // filterByDocument(null) is `IS NULL`, which no row matches; any other value compares as its (string) cast.
  const signature = document !== undefined && thread !== undefined ? store.get(phpString(document), phpString(thread)) : undefined;
  return signature ? { signature } : { error: signatureNotFound() };
}

export const getSignature: SignaturesHandler = reading((ctx, fields) => {
  const { signature, error } = lookup(fields, ctx.state);
  return error ?? found(200, signature!);
});

export const deleteSignature: SignaturesHandler = reading((ctx, fields) => {
  const { signature, error } = lookup(fields, ctx.state);
  if (error) return error;
  ctx.state.remove(signature!.document, signature!.thread);
  return { status: 200, body: { status: true } } satisfies Reply<operations['deleteSignature'], 200>;
});

export const saveSignature: SignaturesHandler = reading((ctx, fields) => {
  // Every refusal of a value's shape comes first, as a spec violation would.
  const key = { document: '', thread: '', cms: '' };
  for (const name of ['document', 'thread', 'cms'] as const) key[name] = phpString(scalar(fields, name) ?? null);
  const createdBy = nullableText(fields, 'version_created_by');
  const comment = nullableText(fields, 'version_comment');
  const tags = fields.get('tags');
  // foreach over anything but an array only warns, so a scalar `tags` saves no tags.
  const codes = isPhpArray(tags) ? [...tags].map(([k, tag]) => tagCode(k, tag)) : [];
  for (const name of ['document', 'thread', 'cms'] as const) if (!phpBool(key[name])) return parameterNotSet(name); // "" and "0" are empty
  const version = phpInt(fields.get('version'));
  const outcome = ctx.state.save({ ...key, version, createdBy, comment, tags: codes }, ctx.clock.now());
  if (outcome.ok) return found(201, outcome.signature);
  return outcome.reason === 'versionMissing' ? versionNotSet() : versionNotEqual(outcome.actual, version);
});

/**
 * The list's tags filter: none when `tags` is falsy; a scalar is a list of one; each entry compares
 * as its (string) cast, and a null entry (IN (NULL)) matches nothing, so [] here means no match.
 */
function tagFilter(fields: RequestFields): string[] | undefined {
  const tags = fields.get('tags');
  if (!phpBool(tags)) return undefined;
  if (!isPhpArray(tags)) return [phpString(tags as PhpScalar)];
  const codes: string[] = [];
  for (const [key, tag] of tags) {
    if (isPhpArray(tag)) throw new Refusal(parameterInvalid('tags', `tags.${key} must be string`));
    if (tag !== null) codes.push(phpString(tag));
  }
  return codes;
}

export const listSignatures: SignaturesHandler = reading((ctx, fields) => {
  const document = scalar(fields, 'document');
  const chain = scalar(fields, 'chain');
  const tags = tagFilter(fields);
  const limit = phpInt(fields.get('limit'));
  const offset = phpInt(fields.get('offset'));
  const count = phpBool(fields.get('count'));
  // Propel adds LIMIT only for a limit >= 0 and OFFSET only for one > 0, and the controller skips 0:
  // so 0 and negatives mean no limit / no offset.
  const { items, total } =
    tags && !tags.length
      ? { items: [], total: 0 }
      : ctx.state.list(
          { document: phpBool(document) ? phpString(document!) : undefined, thread: phpBool(chain) ? phpString(chain!) : undefined, tags },
          { offset: offset > 0 ? offset : undefined, limit: limit > 0 ? limit : undefined, count },
        );
  const content: Schemas['SignatureListEnvelope']['content'] = { signatures: items.map(renderSignature) };
  if (count) content.nb_results = total;
  return { status: 200, body: { status: true, content } } satisfies Reply<operations['listSignatures'], 200>;
});
