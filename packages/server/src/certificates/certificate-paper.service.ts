import {
  type Action,
  can,
  canMoveDelivery,
  type DeliveryMethod,
  type DeliveryStatus,
  maskPhone,
  normaliseFormSerial,
  normaliseTrackingNumber,
} from "@yulin/domain";
import type { z } from "zod";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type CertificateAccess, canOnCertificate, loadAccess } from "./certificate.access";
import type { ZDelivery, ZPrintJob } from "./certificate.schemas";
import {
  findDelivery,
  findOpenPrintJob,
  findPrintJob,
  hasPrintedJob,
  insertDelivery,
  insertPrintJob,
  isFormSerialUsed,
  listDeliveries,
  listQueuedPrintJobs,
  lockCertificateState,
  updateDeliveryFrom,
  updatePrintJobFrom,
} from "./certificate-paper.repository";
import type { OfficeDirectory } from "./offices.port";

/** A print job and a delivery as the API answers them: the schemas' types (certificate.schemas.ts). */
export type PrintJobView = z.infer<typeof ZPrintJob>;
export type DeliveryView = z.infer<typeof ZDelivery>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * Paper certificates: printing on the pre-printed form (缮证) with its 印制号 recorded, the print
 * queue of each office (remote printing at the accepting office, 异地打证), and handing over at
 * the counter or by post with a tracking number (发证). Every change is audited.
 */
export function createCertificatePaperService(deps: {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  offices: OfficeDirectory;
}) {
  const { db } = deps;

  async function deny(ctx: RequestContext, action: Action, targetId: string, jurisdiction: string | null) {
    await writeAudit(db, ctx, {
      action,
      outcome: "denied",
      targetType: "certificate",
      targetId,
      jurisdiction,
    });
    return new AppError("AUTH.FORBIDDEN");
  }

  async function requireCertificate(
    ctx: RequestContext,
    id: string,
    actions: Action | Action[],
  ): Promise<CertificateAccess> {
    const wanted = Array.isArray(actions) ? actions : [actions];
    const access = await loadAccess(db, id);
    if (!access || !wanted.some((action) => canOnCertificate(ctx.actor, action, access)))
      throw await deny(ctx, wanted[0]!, id, access?.certificate.office ?? null);
    return access;
  }

  async function requirePrintJob(ctx: RequestContext, printId: string) {
    const job = /^[0-9a-f-]{36}$/i.test(printId) ? await findPrintJob(db, printId) : undefined;
    // Printing happens at the job's office: its issuers record the serial.
    if (!job || !ctx.actor || !can(ctx.actor, "certificate.print", { jurisdiction: job.office }))
      throw await deny(ctx, "certificate.print", printId, job?.office ?? null);
    return job;
  }

  async function requireDelivery(ctx: RequestContext, deliveryId: string) {
    const delivery = /^[0-9a-f-]{36}$/i.test(deliveryId) ? await findDelivery(db, deliveryId) : undefined;
    const access = delivery ? await loadAccess(db, delivery.certificate_id) : undefined;
    const allowed =
      delivery &&
      access &&
      ctx.actor &&
      (can(ctx.actor, "certificate.deliver", { jurisdiction: delivery.office }) ||
        canOnCertificate(ctx.actor, "certificate.deliver", access));
    if (!allowed) throw await deny(ctx, "certificate.deliver", deliveryId, delivery?.office ?? null);
    return delivery!;
  }

  const presentDelivery = (d: {
    id: string;
    certificate_id: string;
    method: DeliveryMethod;
    status: DeliveryStatus;
    office: string;
    recipient_name: string;
    phone_masked: string | null;
    carrier: string | null;
    tracking_number: string | null;
  }): DeliveryView => ({
    id: d.id,
    certificateId: d.certificate_id,
    method: d.method,
    status: d.status,
    office: d.office,
    recipientName: d.recipient_name,
    phoneMasked: d.phone_masked,
    carrier: d.carrier,
    trackingNumber: d.tracking_number,
  });

  return {
    /** Queues the paper certificate at `office` (default: the registering office). */
    async requestPrint(
      ctx: RequestContext,
      certificateId: string,
      input: { office?: string },
    ): Promise<{ id: string }> {
      const access = await loadAccess(db, certificateId);
      const office = input.office ?? access?.certificate.office ?? "";
      const allowed =
        access &&
        ctx.actor &&
        (canOnCertificate(ctx.actor, "certificate.print", access) ||
          can(ctx.actor, "certificate.print", { jurisdiction: office }));
      if (!allowed) throw await deny(ctx, "certificate.print", certificateId, office || null);
      return inTransaction(db, async (tx) => {
        const row = await lockCertificateState(tx, certificateId);
        if (row.status !== "current") throw new AppError("CERTIFICATE.NOT_CURRENT", { number: row.number });
        if ((await deps.offices.findName(tx, office)) === undefined)
          throw new AppError("OFFICE.UNKNOWN", { office });
        const open = await findOpenPrintJob(tx, certificateId);
        if (open) throw new AppError("CERTIFICATE.PRINT_STATE", { status: open.status });
        const job = await insertPrintJob(tx, {
          certificate_id: certificateId,
          office,
          requested_by: ctx.actor?.accountId ?? null,
        });
        await writeAudit(tx, ctx, {
          action: "certificate.print-request",
          outcome: "success",
          targetType: "certificate",
          targetId: certificateId,
          jurisdiction: office,
          details: { number: row.number, printId: job.id, remote: office !== row.office },
        });
        return { id: job.id };
      });
    },

    /** The office's queue, oldest first. */
    async printQueue(ctx: RequestContext, office: string): Promise<PrintJobView[]> {
      if (!ctx.actor || !can(ctx.actor, "certificate.print", { jurisdiction: office }))
        throw await deny(ctx, "certificate.print", office, office);
      const rows = await listQueuedPrintJobs(db, office);
      return rows.map((r) => ({
        id: r.id,
        certificateId: r.certificate_id,
        number: r.number,
        kind: r.kind,
        registeringOffice: r.registering_office,
        office: r.office,
        status: r.status,
        formSerial: r.form_serial,
        requestedAt: iso(r.requested_at)!,
        printedAt: iso(r.printed_at),
      }));
    },

    /** Records the 印制号 of the form the certificate was printed on. */
    async recordPrinted(ctx: RequestContext, printId: string, input: { formSerial: string }): Promise<void> {
      const serial = normaliseFormSerial(input.formSerial);
      if (!serial) throw new AppError("CERTIFICATE.FORM_SERIAL_INVALID");
      const job = await requirePrintJob(ctx, printId);
      await inTransaction(db, async (tx) => {
        if (await isFormSerialUsed(tx, serial))
          throw new AppError("CERTIFICATE.FORM_SERIAL_USED", { formSerial: serial });
        const updated = await updatePrintJobFrom(tx, job.id, "queued", {
          status: "printed",
          form_serial: serial,
          printed_at: deps.now(),
          printed_by: ctx.actor?.accountId ?? null,
        });
        if (!updated) throw new AppError("CERTIFICATE.PRINT_STATE");
        await writeAudit(tx, ctx, {
          action: "certificate.print",
          outcome: "success",
          targetType: "certificate",
          targetId: job.certificate_id,
          jurisdiction: job.office,
          details: { printId: job.id, formSerial: serial },
        });
      });
    },

    /**
     * A queued job is cancelled; a printed form that was spoiled (misprint, damage before handover)
     * keeps its 印制号 on record as spoiled and the certificate may be queued again.
     */
    async withdrawPrint(ctx: RequestContext, printId: string, input: { note?: string }): Promise<void> {
      const job = await requirePrintJob(ctx, printId);
      const next = job.status === "queued" ? "cancelled" : job.status === "printed" ? "spoiled" : null;
      if (!next) throw new AppError("CERTIFICATE.PRINT_STATE", { status: job.status });
      await inTransaction(db, async (tx) => {
        const updated = await updatePrintJobFrom(tx, job.id, job.status, {
          status: next,
          note: input.note ?? null,
        });
        if (!updated) throw new AppError("CERTIFICATE.PRINT_STATE");
        await writeAudit(tx, ctx, {
          action: `certificate.print-${next}`,
          outcome: "success",
          targetType: "certificate",
          targetId: job.certificate_id,
          jurisdiction: job.office,
          details: { printId: job.id, formSerial: job.form_serial },
        });
      });
    },

    /** Arranges the hand-over of the printed certificate: pickup at an office, or post. */
    async arrangeDelivery(
      ctx: RequestContext,
      certificateId: string,
      input: {
        method: DeliveryMethod;
        office?: string;
        recipientName: string;
        address?: string;
        phone?: string;
      },
    ): Promise<DeliveryView> {
      const access = await requireCertificate(ctx, certificateId, "certificate.deliver");
      if (input.method === "post" && !input.address?.trim())
        throw new AppError("REQUEST.INVALID", { address: "required for postal delivery" });
      const office = input.office ?? access.certificate.office;
      return inTransaction(db, async (tx) => {
        const row = await insertDelivery(tx, {
          certificate_id: certificateId,
          method: input.method,
          office,
          recipient_name: input.recipientName.trim(),
          address_enc: input.address ? deps.pii.encrypt(input.address.trim()) : null,
          phone_enc: input.phone ? deps.pii.encrypt(input.phone.trim()) : null,
          phone_masked: input.phone ? maskPhone(input.phone) : null,
        });
        await writeAudit(tx, ctx, {
          action: "certificate.delivery-arrange",
          outcome: "success",
          targetType: "certificate",
          targetId: certificateId,
          jurisdiction: office,
          details: { deliveryId: row.id, method: input.method },
        });
        return presentDelivery(row);
      });
    },

    /**
     * Moves a delivery on: `dispatched` (with carrier and tracking number), `delivered`,
     * `returned`, or `collected` at the counter. A paper certificate must have been printed.
     */
    async updateDelivery(
      ctx: RequestContext,
      deliveryId: string,
      input: { status: DeliveryStatus; carrier?: string; trackingNumber?: string },
    ): Promise<DeliveryView> {
      const delivery = await requireDelivery(ctx, deliveryId);
      if (!canMoveDelivery(delivery.method, delivery.status, input.status))
        throw new AppError("CERTIFICATE.DELIVERY_STATE", { from: delivery.status, to: input.status });
      let tracking: string | null = delivery.tracking_number;
      let carrier: string | null = delivery.carrier;
      if (input.status === "dispatched") {
        tracking = input.trackingNumber ? (normaliseTrackingNumber(input.trackingNumber) ?? null) : null;
        if (!tracking) throw new AppError("CERTIFICATE.TRACKING_INVALID");
        carrier = input.carrier?.trim() || "EMS";
      }
      return inTransaction(db, async (tx) => {
        if (input.status === "dispatched" || input.status === "collected") {
          if (!(await hasPrintedJob(tx, delivery.certificate_id)))
            throw new AppError("CERTIFICATE.DELIVERY_STATE", { reason: "not printed" });
        }
        const row = await updateDeliveryFrom(tx, delivery.id, delivery.status, {
          status: input.status,
          carrier,
          tracking_number: tracking,
          updated_at: deps.now(),
        });
        if (!row) throw new AppError("CERTIFICATE.DELIVERY_STATE");
        await writeAudit(tx, ctx, {
          action: `certificate.delivery-${input.status}`,
          outcome: "success",
          targetType: "certificate",
          targetId: delivery.certificate_id,
          jurisdiction: delivery.office,
          details: { deliveryId: delivery.id, carrier, trackingNumber: tracking },
        });
        return presentDelivery(row);
      }).catch((error: { code?: string }) => {
        if (error.code === "23505")
          throw new AppError("CERTIFICATE.TRACKING_INVALID", { reason: "already used" });
        throw error;
      });
    },

    async listDeliveries(ctx: RequestContext, certificateId: string): Promise<DeliveryView[]> {
      // Staff, and the holders following their post (tracking number).
      await requireCertificate(ctx, certificateId, ["certificate.read", "certificate.download"]);
      return (await listDeliveries(db, certificateId)).map(presentDelivery);
    },
  };
}

export type CertificatePaperService = ReturnType<typeof createCertificatePaperService>;
