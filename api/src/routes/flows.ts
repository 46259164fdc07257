import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { recordAudit } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { flowRoutes } from '../contract/flows';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';
import { HttpError, notFound, errorBody } from '../http/errors';
import { actorResolver } from '../flows/actors';
import { blankFlow } from '../flows/blankFlow';
import { sampleFlow } from '../flows/sampleCatalog';
import { presentFlow, presentVersion, slugify } from '../flows/present';
import { errorsOf, problemDetails, problemsOf } from '../flows/problems';
import { parseCreateRequest, parseDocument, parseSaveRequest } from '../flows/requestBodies';
import { FlowIdTakenError } from '../storage/flowStore';
import type { FlowDocument, PrivacySettings } from '../../../runtime/src/schema';
import { addFlowTestRoutes } from './flowTests';
import { exportFile, splitImport } from '../flows/flowTests';
import { failureDetails, testReport } from '../flows/testReport';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';
import { sampleTests } from '../flows/sampleCatalog';
import { modelStoreOf } from '../appServices';
import { saveVersionModels, trainVersionModels } from '../intentModels/versionModels';

export const FLOW_BODY_LIMIT = '2mb';

/** Drafts: list, create, read, save with optimistic concurrency, delete, export, validate, publish. */
export function createFlowsRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/flows');
  const { flows } = deps.stores;
  router.use(requireRole('editor'), ...jsonBody(FLOW_BODY_LIMIT));

  const respondWithFlow = async (id: string) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    const actors = actorResolver(deps.stores);
    return presentFlow(stored, await flows.getLive(id), await actors(stored.updatedBy));
  };

  const createUnique = async (flow: FlowDocument, by: string, tests: FlowTestCase[]) => {
    for (;;) {
      try {
        return await flows.create(flow, by, tests);
      } catch (err) {
        if (!(err instanceof FlowIdTakenError)) throw err;
        flow = { ...flow, id: randomUUID() };
      }
    }
  };

  router.on(flowRoutes.list).reply(async () => {
    const actors = actorResolver(deps.stores);
    const list = await flows.list();
    return { status: 200, body: { flows: await Promise.all(list.map(async (f) => ({ ...f, updatedBy: await actors(f.updatedBy) }))) } };
  });

  // Three bodies told apart by their keys; an imported document's errors point into it.
  router.on(flowRoutes.create, { parseBody: parseCreateRequest }).reply(async ({ body: request, req }) => {
    let flow: FlowDocument;
    let tests: FlowTestCase[] = [];
    if (request.kind === 'blank') {
      // Without a language, a new flow speaks the organisation's default one.
      const locale = request.body.locale ?? (await deps.stores.settings.get()).defaultLocale;
      flow = blankFlow({ id: randomUUID(), ...request.body, locale });
    } else if (request.kind === 'sample') {
      const sample = sampleFlow(request.body.sampleId);
      if (!sample) {
        throw new HttpError(400, 'invalid_request', 'No such sample', [{ path: 'sampleId', message: 'is not a known sample' }]);
      }
      flow = { ...sample, id: randomUUID(), name: request.body.name ?? sample.name };
      tests = sampleTests(request.body.sampleId);
    } else {
      const split = splitImport(request.raw, request.tests);
      const raw = split.document;
      tests = split.tests;
      // A document without an id still imports: it gets a fresh one, as does one that collides.
      const withId = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('id' in raw) ? { ...raw, id: randomUUID() } : raw;
      flow = parseDocument(withId, 'document');
    }
    const created = await createUnique(flow, req.principal!.id, tests);
    return { status: 201, body: await respondWithFlow(created.flow.id) };
  });

  router.on(flowRoutes.get).reply(async ({ params: { id } }) => ({ status: 200, body: await respondWithFlow(id) }));

  // The body is read after the 404 check, with the If-Match header (parseSaveRequest).
  router.on(flowRoutes.save, { parseBody: 'handler' }).reply(async ({ params: { id }, body, req }) => {
    const before = await flows.get(id);
    if (!before) throw notFound('Flow');
    const { flow, revision } = parseSaveRequest(body, req.get('if-match'), id);
    const result = await flows.save(flow, revision, req.principal!.id);
    if (result.ok) await auditPrivacyChange(deps, req, id, before.flow.settings.privacy, flow.settings.privacy);
    if (!result.ok && result.reason === 'notFound') throw notFound('Flow');
    if (!result.ok && result.reason === 'conflict') {
      const actors = actorResolver(deps.stores);
      return {
        status: 409,
        body: {
          ...errorBody('conflict', `Someone saved this flow in the meantime (revision ${result.current.revision}); reload it to see their changes`),
          current: {
            revision: result.current.revision,
            updatedAt: result.current.updatedAt,
            updatedBy: await actors(result.current.updatedBy),
          },
        },
      };
    }
    return { status: 200, body: await respondWithFlow(id) };
  });

  router.on(flowRoutes.remove).reply(async ({ params: { id }, req }) => {
    if (!(await flows.delete(id))) throw notFound('Flow');
    await modelStoreOf(deps).deleteFlow(id);
    deps.flowChanged?.(id, 'deleted');
    // Closes the flow's open handoffs and drops its review marks; the flow is gone whatever happens here, so a failure is logged, not returned.
    await Promise.resolve(deps.flowDeleted?.(id)).catch((err: unknown) =>
      deps.logger.error({ err, flowId: id }, 'closing the deleted flow’s handoffs or removing its review marks failed'),
    );
    await recordAudit(deps, req, 'flow.delete', id);
    return { status: 204 };
  });

  router.on(flowRoutes.export).raw(async ({ params: { id }, res }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    // The slug is plain ASCII, so the quoted form the editor expects needs no escaping.
    res.setHeader('Content-Disposition', `attachment; filename="${slugify(stored.flow.name)}.json"`);
    res.type('application/json').send(JSON.stringify(exportFile(stored.flow, stored.tests), null, 2));
  });

  addFlowTestRoutes(router, deps);

  // No body validates the saved draft; a sent document is checked after the 404.
  router.on(flowRoutes.validate, { parseBody: 'handler' }).reply(async ({ params: { id }, body }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    const hasDocument = typeof body === 'object' && body !== null && Object.keys(body).length > 0;
    return { status: 200, body: { problems: problemsOf(hasDocument ? parseDocument(body) : stored.flow) } };
  });

  router.on(flowRoutes.publish).reply(async ({ params: { id }, body: { note, overrideNote }, req }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    const problems = problemsOf(stored.flow);
    const errors = errorsOf(problems);
    if (errors.length > 0) {
      return {
        status: 422,
        body: { ...errorBody('flow_has_errors', `Fix ${errors.length} problem(s) before publishing`, problemDetails(errors)), problems },
      };
    }
    // Tests run on every publish; a failure blocks it unless someone owns the decision in writing.
    const report = testReport(stored.flow, stored.tests);
    const override = overrideNote?.trim() ?? '';
    if (!report.passed && override === '') {
      const failed = report.results.filter((r) => !r.passed).length;
      return {
        status: 422,
        body: {
          ...errorBody('tests_failed', `${failed} test case(s) failed; fix them or publish with an override note`, failureDetails(report)),
          results: report.results,
        },
      };
    }
    // Trained here, once, so that no chat turn ever trains. Before publishing, so that a flow
    // whose phrases cannot train never goes live half-working.
    const models = trainVersionModels(stored.flow);
    const version = await flows.publish(id, {
      note,
      by: req.principal!.id,
      flow: stored.flow,
      ...(report.passed ? {} : { overrideNote: override }),
    });
    await saveVersionModels(modelStoreOf(deps), id, version.number, models);
    deps.flowChanged?.(id, 'published');
    await recordAudit(deps, req, 'flow.publish', id, { version: version.number, ...(report.passed ? {} : { testsOverridden: true }) });
    const actors = actorResolver(deps.stores);
    return { status: 201, body: { version: presentVersion(version, version.number, await actors(version.publishedBy)) } };
  });

  router.on(flowRoutes.unpublish).reply(async ({ params: { id }, req }) => {
    if (!(await flows.get(id))) throw notFound('Flow');
    await flows.setLive(id, null);
    deps.flowChanged?.(id, 'unpublished');
    await recordAudit(deps, req, 'flow.unpublish', id);
    return { status: 200, body: { publishedVersion: null } };
  });

  return router;
}

/** Masking and the privacy notice change what is kept about customers, so their edits are audited. */
async function auditPrivacyChange(deps: AppDeps, req: Request, flowId: string, before: PrivacySettings, after: PrivacySettings): Promise<void> {
  const detail: Record<string, boolean | string> = {};
  for (const kind of Object.keys(after.mask) as (keyof PrivacySettings['mask'])[]) {
    if (before.mask[kind] !== after.mask[kind]) detail[`mask.${kind}`] = after.mask[kind];
  }
  if (JSON.stringify(before.notice) !== JSON.stringify(after.notice)) detail.notice = after.notice.text === '' ? 'removed' : 'changed';
  if (Object.keys(detail).length > 0) await recordAudit(deps, req, 'flow.privacy', flowId, detail);
}
