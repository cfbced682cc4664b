import { requireBusinessType } from "../catalogue";
import { REPRESENTATIVE_ROLES } from "../parties";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import { acquiringParties, isBuildingUnit, isFirstRegistration, rightOf, sameSet } from "./rule-views";

/** R1 登簿生效: a right exists when recorded; where a certificate differs, the register wins. */
export const registerDecidesRule: Rule = {
  id: "R1",
  title_zh: "以登记簿为准",
  title_en: "The register decides",
  appliesTo: (type) => (type.subject === "right" && type.verb !== "create") || type.disposal,
  check: (draft, state) => {
    const right = rightOf(draft, state);
    const findings: RuleFinding[] = [];
    if (right?.status === "provisional")
      findings.push(
        ruleFinding(
          "R1",
          "NOT_YET_RECORDED",
          "block",
          "该权利尚未登簿，物权尚未设立，不能据以办理本登记",
          "The right is not yet recorded in the register and does not exist yet",
          "民法典 第209条、第214条",
        ),
      );
    if (
      right?.certificateNumber &&
      draft.presentedCertificate &&
      draft.presentedCertificate !== right.certificateNumber &&
      !state.voidedCertificates.includes(draft.presentedCertificate)
    )
      findings.push(
        ruleFinding(
          "R1",
          "CERTIFICATE_MISMATCH",
          "block",
          `所持证书 ${draft.presentedCertificate} 与登记簿记载不一致，以登记簿为准`,
          `The certificate ${draft.presentedCertificate} does not match the register; the register prevails`,
          "民法典 第217条",
        ),
      );
    return findings;
  },
};

/** R2 首次登记在先; rights by inheritance or decision are registered before they are disposed of. */
export const firstRegistrationFirstRule: Rule = {
  id: "R2",
  title_zh: "首次登记在先",
  title_en: "First registration first",
  appliesTo: () => true,
  check: (draft, state) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    if (isFirstRegistration(type)) {
      if (state.firstRegistered)
        findings.push(
          ruleFinding(
            "R2",
            "ALREADY_REGISTERED",
            "block",
            "该不动产单元已办理首次登记",
            "The unit already has its first registration",
            "细则 第24条",
          ),
        );
      return findings;
    }
    if (!state.firstRegistered && !type.beforeFirstRegistration)
      findings.push(
        ruleFinding(
          "R2",
          "NO_FIRST_REGISTRATION",
          "block",
          "该不动产单元未办理首次登记，不得办理其他类型登记",
          "The unit has no first registration; no other registration can be made",
          "细则 第24条",
        ),
      );
    if (type.disposal)
      for (const party of draft.parties.filter((p) => p.unregisteredAcquisition))
        findings.push(
          ruleFinding(
            "R2",
            "UNREGISTERED_ACQUISITION",
            "block",
            `${party.name}因${party.unregisteredAcquisition === "inheritance" ? "继承" : "生效法律文书"}取得的权利未经登记，不得处分；请先办理登记或与本登记合并办理`,
            `${party.name} must register the right acquired by ${party.unregisteredAcquisition} before disposing of it (or combine both)`,
            "民法典 第232条",
          ),
        );
    return findings;
  },
};

/** R3 房地一体: a building goes with its land right, to the same holder. */
export const houseAndLandTogetherRule: Rule = {
  id: "R3",
  title_zh: "房地一体登记",
  title_en: "House and land together",
  appliesTo: () => true,
  check: (draft, state) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    if (type.id.startsWith("first.house")) {
      // On state land the land right is registered first (细则 35); collective construction land and
      // its buildings are usually registered together in the same first registration.
      if (!state.landRight?.registered && type.id === "first.house.state-land")
        findings.push(
          ruleFinding(
            "R3",
            "LAND_NOT_REGISTERED",
            "block",
            "房屋所在宗地的土地使用权尚未登记",
            "The land use right of the parcel under the building is not registered",
            "细则 第2条、第35条",
          ),
        );
      else if (
        state.landRight?.registered &&
        !sameSet(
          acquiringParties(draft).map((p) => p.personId),
          state.landRight.holderIds,
        )
      )
        findings.push(
          ruleFinding(
            "R3",
            "HOLDER_SPLIT",
            "block",
            "房屋所有权人与土地使用权人不一致",
            "The building's holder differs from the holder of its land right",
            "细则 第2条；民法典 第352条",
          ),
        );
    }
    if (isBuildingUnit(state.unitCode) && (draft.scope === "house-only" || draft.scope === "land-only"))
      findings.push(
        ruleFinding(
          "R3",
          "SPLITS_HOUSE_AND_LAND",
          "block",
          "房屋与其占用范围内的建设用地使用权应一并处分，不得分离",
          "A building and the land right under it go together; they cannot be split",
          "民法典 第356条、第357条、第397条",
        ),
      );
    return findings;
  },
};

/** R4 申请主体: joint or single application as the catalogue says (条例 14). */
export const whoAppliesRule: Rule = {
  id: "R4",
  title_zh: "申请主体",
  title_en: "Who applies",
  appliesTo: () => true,
  check: (draft) => {
    const type = requireBusinessType(draft.typeId);
    const { mode, applicants, alone, basis } = type.application;
    const signedWith = (role: string) => draft.parties.some((p) => p.role === role && p.signed);
    const findings: RuleFinding[] = [];
    const block = (code: string, zh: string, en: string) =>
      findings.push(ruleFinding("R4", code, "block", zh, en, basis));
    if (mode === "instruction") {
      if (!signedWith("instructing-authority"))
        block("NO_INSTRUCTION", "须由嘱托机关嘱托办理", "Only on the instruction of a court or authority");
      else if (
        draft.submittedBy &&
        draft.submittedBy.kind !== "institution" &&
        draft.submittedBy.kind !== "staff"
      )
        block(
          "NOT_AN_AUTHORITY",
          "嘱托须由嘱托机关账户提交或窗口录入",
          "An instruction comes from the authority's account or the counter",
        );
      return findings;
    }
    if (mode === "ex-officio") {
      if (draft.submittedBy && draft.submittedBy.kind !== "staff")
        block(
          "NOT_EX_OFFICIO",
          "依职权登记只能由登记机构发起",
          "Only the registry starts an ex-officio registration",
        );
      return findings;
    }
    if (mode === "single") {
      if (!applicants.some(signedWith))
        block(
          "NO_APPLICANT",
          `须由${applicants.map((r) => labelOf(type, r)).join("或")}申请并签名确认`,
          `One of ${applicants.join(", ")} must apply and sign`,
        );
      return findings;
    }
    if (alone && draft.developerRefused && signedWith(alone.role)) {
      findings.push(
        ruleFinding(
          "R4",
          "APPLIES_ALONE",
          "info",
          "预售人未按约定申请，预购人单方申请预告登记",
          "The buyer applies alone because the developer refused",
          alone.basis,
        ),
      );
      return findings;
    }
    for (const role of applicants) {
      const named = draft.parties.filter((p) => p.role === role);
      const unsigned = named.filter((p) => !p.signed);
      if (named.length === 0)
        block(
          `MISSING_${role.toUpperCase()}`,
          `须由${labelOf(type, role)}共同申请`,
          `The ${role} must apply jointly`,
        );
      else if (unsigned.length > 0)
        block(
          `UNSIGNED_${role.toUpperCase()}`,
          `${unsigned.map((p) => p.name).join("、")}尚未确认并签名`,
          `${unsigned.map((p) => p.name).join(", ")} has not confirmed and signed`,
        );
    }
    // A helper or agent prepares a case; the parties themselves (or an authorised agent) apply.
    for (const rep of draft.parties.filter((p) => REPRESENTATIVE_ROLES.includes(p.role) && !p.actsFor))
      block(
        "REPRESENTS_NOBODY",
        `${rep.name}未载明所代理的当事人`,
        `${rep.name} does not say whom they act for`,
      );
    return findings;
  },
};

const labelOf = (type: ReturnType<typeof requireBusinessType>, role: string) =>
  type.parties.find((p) => p.role === role)?.label_zh ?? role;
