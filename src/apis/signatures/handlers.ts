import type { Handler } from '../../core/module';
import type { EngineResponse } from '../../core/types';
import { keyNotSet, parameterNotSet, signatureNotFound, versionNotEqual, versionNotSet } from './errors';
import { integer, mergedInput, phpTruthy, stringList, text } from './params';
import { renderSignature } from './render';
import type { SignatureRecord, SignatureStore } from './store';

type SignaturesHandler = Handler<SignatureStore>;

const found = (status: number, signature: SignatureRecord): EngineResponse => ({
  status,
  body: { status: true, message: null, content: { signature: renderSignature(signature) } },
});

/** GET and DELETE share the vendor's lookup: 400 only when both keys are missing; one alone finds nothing. */
function lookup(input: Record<string, unknown>, store: SignatureStore): { signature?: SignatureRecord; error?: EngineResponse } {
  const document = text(input.document);
  const thread = text(input.thread);
  if (!document && !thread) return { error: keyNotSet() };
  const signature = document && thread ? store.get(document, thread) : undefined;
  return signature ? { signature } : { error: signatureNotFound() };
}

export const getSignature: SignaturesHandler = (ctx) => {
  const { signature, error } = lookup(mergedInput(ctx), ctx.state);
  return error ?? found(200, signature!);
};

export const deleteSignature: SignaturesHandler = (ctx) => {
  const { signature, error } = lookup(mergedInput(ctx), ctx.state);
  if (error) return error;
  ctx.state.remove(signature!.document, signature!.thread);
  return { status: 200, body: { status: true } };
};

export const saveSignature: SignaturesHandler = (ctx) => {
  const input = mergedInput(ctx);
  for (const name of ['document', 'thread', 'cms']) if (!text(input[name])) return parameterNotSet(name);
  const outcome = ctx.state.save(
    {
      document: input.document as string,
      thread: input.thread as string,
      cms: input.cms as string,
      version: integer(input.version),
      createdBy: text(input.version_created_by) ?? null,
      comment: text(input.version_comment) ?? null,
      tags: stringList(input.tags),
    },
    ctx.clock.now(),
  );
  if (outcome.ok) return found(201, outcome.signature);
  return outcome.reason === 'versionMissing' ? versionNotSet() : versionNotEqual();
};

export const listSignatures: SignaturesHandler = (ctx) => {
  const input = mergedInput(ctx);
  const count = phpTruthy(input.count);
  const { items, total } = ctx.state.list(
    { document: text(input.document), thread: text(input.chain), tags: stringList(input.tags) },
    { offset: integer(input.offset), limit: integer(input.limit), count },
  );
  const content: Record<string, unknown> = { signatures: items.map(renderSignature) };
  if (count) content.nb_results = total;
  return { status: 200, body: { status: true, message: null, content } };
};
