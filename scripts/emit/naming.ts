/**
 * The names of generated identifiers, in one place, so that no two emitters spell a name
 * differently and no two spec names can end up as one identifier unnoticed.
 */

// Client names

/** The words of a spec name: "SIP Endpoints", "list_sip_endpoints", "phoneNumbers" → its words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function identifier(name: string, source: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${source} gives no usable identifier (got "${name}"): start it with a letter`);
  return name;
}

/** camelCase: "SIP Endpoints" → `sipEndpoints`, "list_sip_endpoints" → `listSipEndpoints`. */
export function camelCase(text: string, source: string): string {
  const [first = '', ...rest] = words(text);
  return identifier(first.toLowerCase() + rest.map(capitalized).join(''), source);
}

/** PascalCase: "SIP Endpoints" → `SipEndpoints`. */
export function pascalCase(text: string, source: string): string {
  return identifier(words(text).map(capitalized).join(''), source);
}

/** The client's property for the resource of a tag: "SIP Endpoints" → `client.sipEndpoints`. */
export function resourcePropertyName(tag: string): string {
  return camelCase(tag, `tag "${tag}"`);
}

/** The generated class of the resource of a tag: "SIP Endpoints" → `SipEndpointsResource`. */
export function resourceClassName(tag: string): string {
  return `${pascalCase(tag, `tag "${tag}"`)}Resource`;
}

/** The method of an operation that has no CRUD role: its operationId, camelCased. */
export function operationMethodName(operationId: string): string {
  return camelCase(operationId, `operationId "${operationId}"`);
}

/** `assertCreateSipEndpointRequest`: the validators package exports one per schema. */
export function assertFunctionName(schema: string): string {
  return `assert${schema}`;
}

/**
 * One name per source, or an error naming both sources of a name given twice (or a name that is
 * `reserved`, such as a member the runtime already has). Returns the names in the order given.
 */
export function uniqueNames(entries: readonly { name: string; source: string }[], reserved: Readonly<Record<string, string>> = {}): string[] {
  const taken = new Map<string, string>(Object.entries(reserved));
  for (const { name, source } of entries) {
    const holder = taken.get(name);
    if (holder !== undefined) throw new Error(`the generated name "${name}" would come from both ${holder} and ${source}: rename one of them in the spec`);
    taken.set(name, source);
  }
  return entries.map((entry) => entry.name);
}
