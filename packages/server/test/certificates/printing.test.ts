import { describe, expect, it } from "vitest";
import { loginAs } from "../support/test-services";
import { given } from "./given";
import { env, startCertificateServer } from "./support";

/** Paper certificates: remote printing, the 印制号 and delivery. */
startCertificateServer();

describe("paper printing and delivery", () => {
  it("queues remote printing at the accepting office, records the 印制号 once, and posts with a tracking number", async () => {
    const cert = await given(env).title({ holders: ["citizen.zhang"] });
    const chancheng = await loginAs(env.app, "chancheng.fazheng");
    const nanhai = await loginAs(env.app, "nanhai.fazheng");
    const queued = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/prints`,
      headers: { cookie: chancheng },
      payload: { office: "440605" },
    });
    expect(queued.statusCode).toBe(200);
    const printId = queued.json().id;
    const queue = (
      await env.app.inject({ url: "/api/offices/440605/print-queue", headers: { cookie: nanhai } })
    ).json();
    expect(queue.jobs).toEqual([
      expect.objectContaining({
        id: printId,
        number: cert.number,
        registeringOffice: "440604",
        office: "440605",
      }),
    ]);
    // 南海's issuer reads and prints it (remote printing), 禅城's own queue does not show it.
    expect(
      (await env.app.inject({ url: `/api/certificates/${cert.id}/pdf`, headers: { cookie: nanhai } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await env.app.inject({ url: "/api/offices/440604/print-queue", headers: { cookie: chancheng } })
      ).json().jobs,
    ).toEqual([]);
    const bad = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${printId}/printed`,
      headers: { cookie: nanhai },
      payload: { formSerial: "#$%^&*" },
    });
    expect(bad.json().code).toBe("CERTIFICATE.FORM_SERIAL_INVALID");
    const printed = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${printId}/printed`,
      headers: { cookie: nanhai },
      payload: { formSerial: "NO.44012345678" },
    });
    expect(printed.statusCode).toBe(200);
    const view = (
      await env.app.inject({ url: `/api/certificates/${cert.id}`, headers: { cookie: chancheng } })
    ).json();
    expect(view.prints).toEqual([
      expect.objectContaining({ status: "printed", formSerial: "44012345678", office: "440605" }),
    ]);
    // The same form serial cannot be used twice.
    const other = await given(env).title();
    const otherJob = (
      await env.app.inject({
        method: "POST",
        url: `/api/certificates/${other.id}/prints`,
        headers: { cookie: chancheng },
        payload: {},
      })
    ).json().id;
    const reused = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${otherJob}/printed`,
      headers: { cookie: chancheng },
      payload: { formSerial: "44012345678" },
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe("CERTIFICATE.FORM_SERIAL_USED");

    const delivery = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/deliveries`,
      headers: { cookie: nanhai },
      payload: {
        method: "post",
        office: "440605",
        recipientName: "张三",
        address: "佛山市南海区桂城街道南海大道1号",
        phone: "13800001001",
      },
    });
    expect(delivery.statusCode).toBe(200);
    expect(delivery.json()).toMatchObject({ status: "pending", phoneMasked: "138****1001" });
    const stored = await env.services.db
      .selectFrom("certificate_deliveries")
      .select(["address_enc"])
      .where("id", "=", delivery.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.address_enc).not.toContain("南海大道");
    const badTracking = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "dispatched", carrier: "EMS", trackingNumber: "EA123456784CN" },
    });
    expect(badTracking.json().code).toBe("CERTIFICATE.TRACKING_INVALID");
    const dispatched = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "dispatched", carrier: "EMS", trackingNumber: "EA123456785CN" },
    });
    expect(dispatched.json()).toMatchObject({ status: "dispatched", trackingNumber: "EA123456785CN" });
    const skipped = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "collected" },
    });
    expect(skipped.json().code).toBe("CERTIFICATE.DELIVERY_STATE");
    const delivered = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "delivered" },
    });
    expect(delivered.json().status).toBe("delivered");
    const zhang = await loginAs(env.app, "citizen.zhang");
    const tracking = (
      await env.app.inject({ url: `/api/certificates/${cert.id}/deliveries`, headers: { cookie: zhang } })
    ).json();
    expect(tracking.deliveries[0]).toMatchObject({ trackingNumber: "EA123456785CN", status: "delivered" });
    const actions = await env.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", cert.id)
      .where("outcome", "=", "success")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "certificate.prepare",
        "certificate.seal",
        "certificate.print-request",
        "certificate.print",
        "certificate.delivery-arrange",
        "certificate.delivery-dispatched",
        "certificate.delivery-delivered",
      ]),
    );
  });

  it("will not hand over a certificate that was never printed", async () => {
    const cert = await given(env).title();
    const issuer = await loginAs(env.app, "chancheng.fazheng");
    const delivery = (
      await env.app.inject({
        method: "POST",
        url: `/api/certificates/${cert.id}/deliveries`,
        headers: { cookie: issuer },
        payload: { method: "pickup", recipientName: "张三" },
      })
    ).json();
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.id}`,
      headers: { cookie: issuer },
      payload: { status: "collected" },
    });
    expect(res.json().code).toBe("CERTIFICATE.DELIVERY_STATE");
  });
});
