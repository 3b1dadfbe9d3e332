// A call's JSON Schema compiled with ajv (`strict: false`, with ajv-formats), as DESIGN.md §9 says:
// a schema ajv cannot compile is an error value (the call throws), a compiled one checks values.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonValue } from '../../core/json-value.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { ValueCheck } from '../../core/workflow/structured-output-tools.js';

// ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM.
const addFormats = 'default' in addFormatsModule ? addFormatsModule.default : addFormatsModule;

/** Compiles `schema`; the check lists each problem as `PATH message` (`(root)` for the top). */
export function compileSchema(schema: Readonly<Record<string, unknown>>): Result<ValueCheck> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  try {
    const validate = ajv.compile(schema);
    return ok((value: JsonValue) => {
      if (validate(value)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}`);
    });
  } catch (thrown) {
    return err(`schema: ${messageOf(thrown)}`);
  }
}
