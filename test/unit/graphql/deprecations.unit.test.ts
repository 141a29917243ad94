import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

/** The reports' 2024 names keep answering, deprecated with a reason that names what replaces them. */
describe('Deprecated report names in the committed schema', () => {
  const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
  const query = schema.getQueryType()!.getFields();

  it.each([
    ['districtTargets', 'unitTargets'],
    ['qualityManagement', 'qualityTargets'],
  ])('should deprecate Query.%s pointing to %s', (old, replacement) => {
    expect(query[old]!.deprecationReason).toContain(replacement);
    expect(query[replacement]!.deprecationReason).toBeFalsy();
  });

  it.each([
    ['DistrictTargetsReport', 'unitTargets'],
    ['QualityManagementReport', 'qualityTargets'],
  ])('should deprecate %s.districts pointing to %s { rows }', (type, replacement) => {
    const fields = (schema.getType(type) as import('graphql').GraphQLObjectType).getFields();
    expect(fields['districts']!.deprecationReason).toContain(`${replacement} { rows }`);
  });
});
