/** Every check, one file each under checks/ (file name = id). Order here is irrelevant: output is sorted. */
import type { Check } from './check.ts';
import apiVersionChanged from './checks/api-version-changed.ts';
import deprecatedOperationRemoved from './checks/deprecated-operation-removed.ts';
import operationAdded from './checks/operation-added.ts';
import operationDeprecated from './checks/operation-deprecated.ts';
import operationIdChanged from './checks/operation-id-changed.ts';
import operationMethodChanged from './checks/operation-method-changed.ts';
import operationPathChanged from './checks/operation-path-changed.ts';
import operationReactivated from './checks/operation-reactivated.ts';
import operationRemoved from './checks/operation-removed.ts';
import operationSecurityChanged from './checks/operation-security-changed.ts';
import requestBodyAddedRequired from './checks/request-body-added-required.ts';
import requestBodyBecameRequired from './checks/request-body-became-required.ts';
import requestBodyMediaTypeRemoved from './checks/request-body-media-type-removed.ts';
import requestBodyRemoved from './checks/request-body-removed.ts';
import requestParameterAddedRequired from './checks/request-parameter-added-required.ts';
import requestParameterAdded from './checks/request-parameter-added.ts';
import requestParameterBecameOptional from './checks/request-parameter-became-optional.ts';
import requestParameterBecameRequired from './checks/request-parameter-became-required.ts';
import requestParameterConstraintTightened from './checks/request-parameter-constraint-tightened.ts';
import requestParameterDefaultChanged from './checks/request-parameter-default-changed.ts';
import requestParameterDeprecated from './checks/request-parameter-deprecated.ts';
import requestParameterEnumAdded from './checks/request-parameter-enum-added.ts';
import requestParameterEnumRemoved from './checks/request-parameter-enum-removed.ts';
import requestPropertyEnumAdded from './checks/request-property-enum-added.ts';
import requestPropertyEnumRemoved from './checks/request-property-enum-removed.ts';
import responsePropertyEnumAdded from './checks/response-property-enum-added.ts';
import responsePropertyEnumRemoved from './checks/response-property-enum-removed.ts';
import requestParameterEnumValueAdded from './checks/request-parameter-enum-value-added.ts';
import requestParameterEnumValueRemoved from './checks/request-parameter-enum-value-removed.ts';
import requestParameterFormatChanged from './checks/request-parameter-format-changed.ts';
import requestParameterLocationChanged from './checks/request-parameter-location-changed.ts';
import requestParameterRemoved from './checks/request-parameter-removed.ts';
import requestParameterRenamed from './checks/request-parameter-renamed.ts';
import requestParameterSerializationChanged from './checks/request-parameter-serialization-changed.ts';
import requestParameterTypeChanged from './checks/request-parameter-type-changed.ts';
import requestPropertyAddedRequired from './checks/request-property-added-required.ts';
import requestPropertyAdded from './checks/request-property-added.ts';
import requestPropertyBecameOptional from './checks/request-property-became-optional.ts';
import requestPropertyBecameRequired from './checks/request-property-became-required.ts';
import requestPropertyEnumValueAdded from './checks/request-property-enum-value-added.ts';
import requestPropertyEnumValueRemoved from './checks/request-property-enum-value-removed.ts';
import requestPropertyRemoved from './checks/request-property-removed.ts';
import requestPropertyTypeChanged from './checks/request-property-type-changed.ts';
import responseErrorStatusRemoved from './checks/response-error-status-removed.ts';
import responseHeaderRemoved from './checks/response-header-removed.ts';
import responseMediaTypeRemoved from './checks/response-media-type-removed.ts';
import responsePropertyAdded from './checks/response-property-added.ts';
import responsePropertyBecameOptional from './checks/response-property-became-optional.ts';
import responsePropertyBecameRequired from './checks/response-property-became-required.ts';
import responsePropertyEnumValueAdded from './checks/response-property-enum-value-added.ts';
import responsePropertyEnumValueRemoved from './checks/response-property-enum-value-removed.ts';
import responsePropertyFormatChanged from './checks/response-property-format-changed.ts';
import responsePropertyRemoved from './checks/response-property-removed.ts';
import responsePropertyTypeChanged from './checks/response-property-type-changed.ts';
import responseStatusAdded from './checks/response-status-added.ts';
import responseSuccessStatusRemoved from './checks/response-success-status-removed.ts';
import schemaComponentRenamed from './checks/schema-component-renamed.ts';
import securitySchemeAdded from './checks/security-scheme-added.ts';
import securitySchemeChanged from './checks/security-scheme-changed.ts';
import securitySchemeRemoved from './checks/security-scheme-removed.ts';
import serverAdded from './checks/server-added.ts';
import serverRemoved from './checks/server-removed.ts';

export const checks: readonly Check[] = [
  apiVersionChanged,
  deprecatedOperationRemoved,
  operationAdded,
  operationDeprecated,
  operationIdChanged,
  operationMethodChanged,
  operationPathChanged,
  operationReactivated,
  operationRemoved,
  operationSecurityChanged,
  requestBodyAddedRequired,
  requestBodyBecameRequired,
  requestBodyMediaTypeRemoved,
  requestBodyRemoved,
  requestParameterAddedRequired,
  requestParameterAdded,
  requestParameterBecameOptional,
  requestParameterBecameRequired,
  requestParameterConstraintTightened,
  requestParameterDefaultChanged,
  requestParameterDeprecated,
  requestParameterEnumAdded,
  requestParameterEnumRemoved,
  requestParameterEnumValueAdded,
  requestParameterEnumValueRemoved,
  requestParameterFormatChanged,
  requestParameterLocationChanged,
  requestParameterRemoved,
  requestParameterRenamed,
  requestParameterSerializationChanged,
  requestParameterTypeChanged,
  requestPropertyAddedRequired,
  requestPropertyAdded,
  requestPropertyBecameOptional,
  requestPropertyBecameRequired,
  requestPropertyEnumAdded,
  requestPropertyEnumRemoved,
  requestPropertyEnumValueAdded,
  requestPropertyEnumValueRemoved,
  requestPropertyRemoved,
  requestPropertyTypeChanged,
  responseErrorStatusRemoved,
  responseHeaderRemoved,
  responseMediaTypeRemoved,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyEnumAdded,
  responsePropertyEnumRemoved,
  responsePropertyEnumValueAdded,
  responsePropertyEnumValueRemoved,
  responsePropertyFormatChanged,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responseStatusAdded,
  responseSuccessStatusRemoved,
  schemaComponentRenamed,
  securitySchemeAdded,
  securitySchemeChanged,
  securitySchemeRemoved,
  serverAdded,
  serverRemoved,
];
