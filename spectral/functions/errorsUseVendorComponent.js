// Spectral custom function: each 4xx/5xx response (inline, or a #/components/responses ref) must
// carry application/json whose schema is exactly $ref '#/components/schemas/Error'. Checked on the
// unresolved document, because after resolution every $ref is gone and identity cannot be seen.
const ERROR_REF = '#/components/schemas/Error';

function resolveResponse(doc, response) {
  if (response && typeof response.$ref === 'string' && response.$ref.startsWith('#/components/responses/')) {
    return doc?.components?.responses?.[response.$ref.slice('#/components/responses/'.length)];
  }
  return response;
}

module.exports = function errorsUseVendorComponent(responses, _opts, context) {
  const problems = [];
  const doc = context.document.data;
  for (const [code, raw] of Object.entries(responses ?? {})) {
    if (!/^[45]/.test(code)) continue;
    const response = resolveResponse(doc, raw);
    const schema = response?.content?.['application/json']?.schema;
    if (!schema || schema.$ref !== ERROR_REF) {
      problems.push({
        message: `${code} response must use application/json with schema $ref ${ERROR_REF}`,
        path: [...context.path, code],
      });
    }
  }
  return problems;
};
