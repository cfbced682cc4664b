import { adminEn } from "./messages/admin.messages";
import { casesEn } from "./messages/cases.messages";
import { catalogueEn } from "./messages/catalogue.messages";
import { certificatesEn } from "./messages/certificates.messages";
import { combinedEn } from "./messages/combined.messages";
import { commonEn } from "./messages/common.messages";
import { departmentsEn } from "./messages/departments.messages";
import { operationsEn } from "./messages/operations.messages";
import { portalEn } from "./messages/portal.messages";
import { queriesEn } from "./messages/queries.messages";
import { registerEn } from "./messages/register.messages";
import { signUpEn } from "./messages/sign-up.messages";
import { statusEn } from "./messages/status.messages";
import { supervisionEn } from "./messages/supervision.messages";
import { transparencyEn } from "./messages/transparency.messages";
import type { Dictionary } from "./zh-CN";

export const en: Dictionary = {
  ...commonEn,
  ...catalogueEn,
  ...registerEn,
  ...certificatesEn,
  ...casesEn,
  ...statusEn,
  ...portalEn,
  ...combinedEn,
  ...departmentsEn,
  ...operationsEn,
  ...adminEn,
  ...signUpEn,
  ...queriesEn,
  ...supervisionEn,
  ...transparencyEn,
  "app.name": "Yulin",
  "app.title": "Yulin · Real Estate Registration",
  "app.subtitle": "Real Estate Registration",
  "app.footer": "Yulin · Internet + Real Estate Registration",

  "language.label": "Language",
  "language.zh-CN": "中文",
  "language.en": "English",

  "area.hall": "Online Service Hall",
  "area.portal": "Institution Portal",
  "area.workbench": "Staff Workbench",

  "nav.menu": "Menu",
  "nav.login": "Log in",
  "nav.verify": "Verify a certificate",
  "nav.about": "About Yulin",
  "nav.home": "Back to my home",
  "nav.logout": "Log out",

  "common.listSeparator": ", ",
  "common.retry": "Try again",
  "common.loadFailed": "Could not check whether you are logged in",
  "common.loading": "Loading…",

  "kind.citizen": "Individual",
  "kind.company": "Company",
  "kind.institution": "Institution",
  "kind.staff": "Registry staff",

  "institutionKind.bank": "Bank",
  "institutionKind.developer": "Developer",
  "institutionKind.agent": "Agency",
  "institutionKind.court": "Court",
  "institutionKind.notary": "Notary",
  "institutionKind.tax": "Tax bureau",
  "institutionKind.housing": "Housing bureau",

  "role.acceptor": "Acceptor",
  "role.reviewer": "Reviewer",
  "role.registrar": "Registrar",
  "role.issuer": "Issuer",
  "role.archivist": "Archivist",
  "role.supervisor": "Supervisor",
  "role.admin": "Administrator",
  "role.withJurisdiction": "{role} ({jurisdiction})",

  "login.title": "Log in",
  "login.intro": "Applicants, partner institutions and registry staff all log in here.",
  "login.username": "Username",
  "login.username.required": "Please enter your username",
  "login.password": "Password",
  "login.password.required": "Please enter your password",
  "login.submit": "Log in",
  "login.failed": "Login failed",

  "error.network": "Cannot reach the server. Check your connection and try again",
  "error.unexpected": "The server sent a response we could not understand (HTTP {status})",
  "error.forbidden.title": "No access",
  "error.forbidden.description": "Your account may not open this page.",
  "error.notFound.title": "Page not found",
  "error.notFound.description": "The page you asked for does not exist or has moved.",
  "error.noMenu.title": "Nothing available yet",
  "error.noMenu.description":
    "Your account has no post or business assigned here yet. Please contact an administrator.",

  "page.hall.applications": "My applications",
  "page.hall.applications.soon":
    "All the registration applications you filed will be listed here: follow their progress, supply missing documents, confirm and sign, and rate the service.",
  "page.hall.services": "Apply",
  "page.hall.services.soon":
    "The catalogue of services will be here: choose transfer, mortgage, change, cancellation and more, see the documents, fees and promised time, and apply online.",
  "page.hall.properties": "My properties",
  "page.hall.properties.soon":
    "The real estate registered in your name will be shown here, with any mortgage or seizure on it.",
  "page.hall.certificates": "Certificates",
  "page.hall.certificates.soon":
    "Download your electronic certificates and registration certifications here, sealed and with a QR code for verification.",
  "page.hall.queries": "Queries",
  "page.hall.queries.soon":
    "Query the register about your own property or as an interested party, with sealed results.",

  "page.portal.mortgages": "Mortgage registration",
  "page.portal.mortgages.soon":
    "Create, change, transfer and cancel mortgages here, including transfers with the mortgage in place, and receive electronic certifications.",
  "page.portal.collateral": "Collateral queries",
  "page.portal.collateral.soon":
    "Check the ownership, seizures and mortgages of a collateral here and subscribe to later changes.",
  "page.portal.seizures": "Seizure registration",
  "page.portal.seizures.soon": "Register seizures, waiting seizures, releases and extensions online here.",
  "page.portal.seizureList": "Seizures",
  "page.portal.seizureList.soon":
    "The seizures your court registered will be listed here with their terms and waiting order.",
  "page.portal.projects": "Project first registration",
  "page.portal.projects.soon":
    "Register a whole project for the first time here, and deliver certificates together with the keys.",
  "page.portal.advanceNotices": "Advance notice",
  "page.portal.advanceNotices.soon":
    "Register advance notices and advance-notice mortgages together with the buyers here.",
  "page.portal.agency": "Agency services",
  "page.portal.agency.soon": "Fill in applications for your clients here; the parties only confirm and sign.",
  "page.portal.inheritance": "Notarised inheritance",
  "page.portal.inheritance.soon":
    "File the registration here in the same step as the inheritance or gift notarisation.",
  "page.portal.collaboration": "Collaboration tasks",
  "page.portal.collaboration.soon":
    "Handle the tasks the registry sends you here, such as tax assessments, online contracts and purchase eligibility checks.",

  "page.workbench.accept": "Pending acceptance",
  "page.workbench.accept.soon":
    "Applications waiting for acceptance will be listed here: check the documents, then accept, ask for corrections or refuse.",
  "page.workbench.review": "Pending review",
  "page.workbench.review.soon":
    "Cases waiting for review will be listed here with the rule engine's findings.",
  "page.workbench.record": "Pending recording",
  "page.workbench.record.soon": "Reviewed cases will be recorded in the register here.",
  "page.workbench.prepare": "Pending certificate preparation",
  "page.workbench.prepare.soon":
    "Certificates and certifications will be generated here, with plot and floor plans and a verification QR code.",
  "page.workbench.issue": "Pending issue",
  "page.workbench.issue.soon":
    "Issue electronic certificates here, print paper certificates or send them by post.",
  "page.workbench.register": "Register search",
  "page.workbench.register.soon": "Find a unit in the register by address or unit code.",
  "page.workbench.archive": "Archive",
  "page.workbench.archive.soon":
    "Completed cases will be archived electronically here with their documents, register entries and certificates.",
  "page.workbench.supervision": "Supervision",
  "page.workbench.supervision.soon":
    "Time-limit alerts, integrity risk warnings and statistics will be shown here.",
  "page.workbench.integrations": "Integrations",
  "page.workbench.integrations.soon":
    "Department connectors' health, pending and dead-lettered messages, with retry.",
  "page.workbench.admin": "Administration",
  "page.workbench.admin.soon": "Manage accounts, posts, registration offices and services here.",

  "page.verify.title": "Verify a certificate",
  "page.verify.soon":
    "Scan the QR code on a certificate or query result to check here whether it is genuine and current. Coming soon.",

  "page.about.title": "About Yulin",
  "page.about.name":
    "Yulin (鱼鳞) is named after the Ming dynasty's fish-scale registers (鱼鳞图册), China's classic land register. It is the platform a city or province runs to register real estate rights online and at the counter.",
  "page.about.who":
    "Applicants apply, pay, query and download electronic certificates in the online service hall; banks, developers, courts, notaries and the tax and housing departments work in the institution portal; registry staff accept, review, record, issue and archive in the staff workbench.",
  "page.about.verify": "Anyone can check whether a certificate is genuine on the verification page.",
};
