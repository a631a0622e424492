import * as assert from 'node:assert/strict';
import { Json, loadSchema, SCHEMA_NAMES } from './schemaKit';

/** Keywords whose value is one subschema, a list of subschemas, or a map of name → subschema (draft-07). */
const ONE = [
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'contains',
];
const LIST = ['items', 'anyOf', 'oneOf', 'allOf'];
const MAP = ['properties', 'patternProperties', 'definitions', 'dependencies'];

function isSchema(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasText(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}

interface Visit {
  schema: Json;
  at: string;
  /** Enclosing schemas, nearest first. */
  ancestors: Json[];
  /** True inside an `if` condition. */
  inCondition: boolean;
}

/**
 * Visits every subschema by keyword, never descending into data (`enum`, `default`, `x-example`, snippets), so a
 * property literally named `properties` or `items` is not mistaken for a keyword.
 */
function walk(v: Visit, visit: (v: Visit) => void): void {
  visit(v);
  const child = (schema: unknown, at: string, key: string): void => {
    if (isSchema(schema)) {
      walk({ schema, at, ancestors: [v.schema, ...v.ancestors], inCondition: v.inCondition || key === 'if' }, visit);
    }
  };
  for (const [key, value] of Object.entries(v.schema)) {
    if (ONE.includes(key)) {
      child(value, `${v.at}/${key}`, key);
    }
    if (LIST.includes(key) && Array.isArray(value)) {
      value.forEach((s, i) => child(s, `${v.at}/${key}/${i}`, key));
    }
    if (MAP.includes(key) && isSchema(value)) {
      for (const [name, s] of Object.entries(value)) {
        child(s, `${v.at}/${key}/${name}`, key);
      }
    }
  }
}

/**
 * The rule: a property is described by its own non-empty `description`, or, when it is a `$ref`, by the
 * description of the definition it points at (editors show that one in hovers).
 */
function described(root: Json, property: Json): boolean {
  if (hasText(property.description)) {
    return true;
  }
  const target = typeof property.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(property.$ref)?.[1] : undefined;
  const definition = target === undefined ? undefined : (root.definitions as Record<string, Json>)[target];
  return definition !== undefined && hasText(definition.description);
}

/**
 * Every property schema lacking a description, as JSON pointers. A property in an `if` condition is a test, not a
 * declaration: it counts as described when the nearest enclosing schema declaring that property describes it.
 */
function undescribedProperties(root: Json): string[] {
  const missing: string[] = [];
  walk({ schema: root, at: '', ancestors: [], inCondition: false }, ({ schema, at, ancestors, inCondition }) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      if (!isSchema(property) || described(root, property)) {
        continue;
      }
      const declaration = inCondition
        ? ancestors.map((a) => (a.properties as Record<string, Json> | undefined)?.[name]).find(isSchema)
        : undefined;
      if (!declaration || !described(root, declaration)) {
        missing.push(`${at}/properties/${name}`);
      }
    }
  });
  return missing;
}

for (const name of SCHEMA_NAMES) {
  suite(`schemas: ${name} descriptions`, () => {
    const schema = loadSchema(name);

    test('every property, at any depth (definitions, if/then, items, anyOf/oneOf/allOf), has a description', () => {
      const missing = undescribedProperties(schema);
      assert.deepEqual(missing, [], `${missing.length} properties lack a description:\n${missing.join('\n')}`);
    });

    if (name !== 'openai') {
      // An `@word` in the SDK's prose is no JSDoc tag: Part.text's hover stopped at "references to".
      test('a description goes on past an @mention in the SDK comment (Part.text)', () => {
        const part = (schema.definitions as Record<string, Json>).Part.properties as Record<string, Json>;
        assert.match(String(part.text.description), /references to @mentioned items will be converted to markdown/);
      });
    }
  });
}

suite('schemas: line envelope properties carry their own descriptions', () => {
  const envelope: Array<[(typeof SCHEMA_NAMES)[number], string[]]> = [
    ['gemini-generate', ['key', 'request']],
    ['gemini-embed', ['key', 'request']],
    ['openai', ['custom_id', 'method', 'url', 'body']],
  ];
  for (const [name, props] of envelope) {
    test(`${name}: ${props.join(', ')}`, () => {
      const schema = loadSchema(name);
      const properties = schema.properties as Record<string, Json>;
      assert.deepEqual(Object.keys(properties).sort(), [...props].sort());
      for (const p of props) {
        assert.ok(hasText(properties[p].description), `${name}: ${p} has no description of its own`);
      }
    });
  }

  test('openai: each url-selected body says which request it is', () => {
    const branches = loadSchema('openai').allOf as Json[];
    assert.ok(branches.length >= 2);
    for (const branch of branches) {
      const url = ((branch.if as Json).properties as Record<string, Json>).url.const as string;
      const body = ((branch.then as Json).properties as Record<string, Json>).body;
      assert.ok(
        hasText(body.description) && String(body.description).includes(url),
        `${url}: body ${JSON.stringify(body)}`,
      );
    }
  });
});

suite('schemas: the description check itself', () => {
  const root: Json = {
    definitions: { Named: { type: 'object', description: 'A named thing.' }, Bare: { type: 'object' } },
    properties: {
      good: { type: 'string', description: 'ok' },
      viaRef: { $ref: '#/definitions/Named' },
      refToBare: { $ref: '#/definitions/Bare' },
      empty: { type: 'string', description: ' ' },
      kind: { type: 'string', description: 'The kind.' },
    },
    allOf: [
      {
        if: { properties: { kind: { const: 'a' }, other: { const: 'b' } } },
        then: { properties: { deep: { items: { properties: { leaf: {} } } } } },
      },
    ],
  };

  test("reports missing ones at any depth and accepts the rule's two ways of being described", () => {
    assert.deepEqual(undescribedProperties(root).sort(), [
      '/allOf/0/if/properties/other',
      '/allOf/0/then/properties/deep',
      '/allOf/0/then/properties/deep/items/properties/leaf',
      '/properties/empty',
      '/properties/refToBare',
    ]);
  });
});
