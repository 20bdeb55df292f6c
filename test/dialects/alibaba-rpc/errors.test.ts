/** errors.ts: the "Error codes" tables of the manual (both header forms), rows with wrapped descriptions. */
import { describe, expect, it } from 'vitest';
import { parseErrorCodes } from '../../../scripts/dialects/alibaba-rpc/errors.ts';
import { MANUAL, fixtureLines, manualVocab, slice, type FixtureName } from './helpers.ts';

const errors = (fixture: FixtureName, from: number, to: number) => parseErrorCodes(slice(fixtureLines(fixture), from, to), MANUAL, manualVocab());

describe('parseErrorCodes', () => {
  it('CreateServiceMesh: "404 ERR404 Not found" with its description wrapped over three lines', () => {
    expect(errors('create-service-mesh-errors', 1371, 1379)).toEqual([
      {
        httpStatus: 404,
        code: 'ERR404',
        message: 'Not found',
        description: 'The error message returned because the requested resource does not exist.',
        source: { file: MANUAL, line: 1374, endLine: 1377 },
      },
    ]);
  });

  it('DescribeIstioGatewayRouteDetail: the "HTTP status" / "code" header form, a message of several words', () => {
    expect(errors('route-detail-json', 10660, 10670)).toEqual([
      {
        httpStatus: 500,
        code: 'ERR500',
        message: 'An internal server error occurred.',
        description: 'The error message returned because a backend service error has occurred.',
        source: { file: MANUAL, line: 10666, endLine: 10668 },
      },
    ]);
  });

  it('DescribeServiceMeshUpgradeStatus: keeps the status and code as printed ("503 ERR404 Not found")', () => {
    const [e] = errors('upgrade-status', 11827, 11838);
    expect([e.httpStatus, e.code, e.message]).toEqual([503, 'ERR404', 'Not found']);
    expect(e.source).toEqual({ file: MANUAL, line: 11833, endLine: 11836 });
  });

  it('the trailer alone ("For a list of error codes, visit the API Error Center.") is no error code', () => {
    expect(errors('delete-service-mesh', 1434, 1435)).toEqual([]);
    expect(errors('create-service-mesh-errors', 1379, 1379)).toEqual([]);
  });

  it('a header row is never read as a row', () => {
    expect(errors('create-service-mesh-errors', 1372, 1372)).toEqual([]);
  });
});
