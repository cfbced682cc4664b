/**
 * The Chinese dictionary is the reference: its keys define `MessageKey`, and every other language
 * must translate every key (enforced by the type of `en` and by `i18n.test.ts`).
 * Placeholders are written `{name}` and must appear in every translation.
 */
import { adminZh } from "./messages/admin.messages";
import { casesZh } from "./messages/cases.messages";
import { catalogueZh } from "./messages/catalogue.messages";
import { certificatesZh } from "./messages/certificates.messages";
import { combinedZh } from "./messages/combined.messages";
import { commonZh } from "./messages/common.messages";
import { departmentsZh } from "./messages/departments.messages";
import { operationsZh } from "./messages/operations.messages";
import { portalZh } from "./messages/portal.messages";
import { queriesZh } from "./messages/queries.messages";
import { registerZh } from "./messages/register.messages";
import { signUpZh } from "./messages/sign-up.messages";
import { statusZh } from "./messages/status.messages";
import { supervisionZh } from "./messages/supervision.messages";
import { transparencyZh } from "./messages/transparency.messages";

export const zhCN = {
  ...commonZh,
  ...catalogueZh,
  ...registerZh,
  ...certificatesZh,
  ...casesZh,
  ...statusZh,
  ...portalZh,
  ...combinedZh,
  ...departmentsZh,
  ...operationsZh,
  ...adminZh,
  ...signUpZh,
  ...queriesZh,
  ...supervisionZh,
  ...transparencyZh,
  "app.name": "鱼鳞",
  "app.title": "鱼鳞 · 不动产登记",
  "app.subtitle": "不动产登记",
  "app.footer": "鱼鳞 · 互联网 + 不动产登记",

  "language.label": "语言",
  "language.zh-CN": "中文",
  "language.en": "English",

  "area.hall": "网上办事大厅",
  "area.portal": "机构门户",
  "area.workbench": "内网工作台",

  "nav.menu": "菜单",
  "nav.login": "登录",
  "nav.verify": "证书核验",
  "nav.about": "关于鱼鳞",
  "nav.home": "返回我的首页",
  "nav.logout": "退出登录",

  "common.listSeparator": "、",
  "common.retry": "重试",
  "common.loadFailed": "无法获取登录状态",
  "common.loading": "加载中…",

  "kind.citizen": "个人",
  "kind.company": "企业",
  "kind.institution": "机构",
  "kind.staff": "登记机构工作人员",

  "institutionKind.bank": "金融机构",
  "institutionKind.developer": "开发企业",
  "institutionKind.agent": "中介机构",
  "institutionKind.court": "人民法院",
  "institutionKind.notary": "公证机构",
  "institutionKind.tax": "税务部门",
  "institutionKind.housing": "住建部门",

  "role.acceptor": "受理员",
  "role.reviewer": "审核员",
  "role.registrar": "登簿员",
  "role.issuer": "发证员",
  "role.archivist": "档案员",
  "role.supervisor": "督查员",
  "role.admin": "管理员",
  "role.withJurisdiction": "{role}（{jurisdiction}）",

  "login.title": "登录",
  "login.intro": "申请人、合作机构与登记机构工作人员使用同一入口登录。",
  "login.username": "用户名",
  "login.username.required": "请输入用户名",
  "login.password": "密码",
  "login.password.required": "请输入密码",
  "login.submit": "登录",
  "login.failed": "登录失败",

  "error.network": "无法连接服务器，请检查网络后重试",
  "error.unexpected": "服务器返回了无法识别的响应（HTTP {status}）",
  "error.forbidden.title": "无权访问",
  "error.forbidden.description": "您的账户没有访问此页面的权限。",
  "error.notFound.title": "页面不存在",
  "error.notFound.description": "您访问的页面不存在或已移动。",
  "error.noMenu.title": "暂无可用功能",
  "error.noMenu.description": "您的账户尚未分配可在此使用的岗位或业务，请联系管理员。",

  "page.hall.applications": "我的申请",
  "page.hall.applications.soon":
    "这里将列出您提交的全部登记申请，可查看办理进度、补正材料、确认签名并评价服务。",
  "page.hall.services": "办理业务",
  "page.hall.services.soon":
    "这里将是业务目录：按转移、抵押、变更、注销等类型选择事项，查看所需材料、收费与承诺时限，在线申请。",
  "page.hall.properties": "我的不动产",
  "page.hall.properties.soon": "这里将展示登记在您名下的不动产及其抵押、查封等权利状态。",
  "page.hall.certificates": "证书下载",
  "page.hall.certificates.soon": "这里将提供您的电子不动产权证书与登记证明下载，附电子签章和核验二维码。",
  "page.hall.queries": "查询",
  "page.hall.queries.soon": "这里将提供本人不动产登记信息查询与利害关系人查询，查询结果带电子签章。",

  "page.portal.mortgages": "抵押登记",
  "page.portal.mortgages.soon": "这里将办理抵押权设立、变更、转移、注销及带押过户，并接收电子登记证明。",
  "page.portal.collateral": "抵押物查询",
  "page.portal.collateral.soon": "这里将查询抵押物的权属、查封和抵押状态，并订阅其后续变动通知。",
  "page.portal.seizures": "查封登记",
  "page.portal.seizures.soon": "这里将在线办理查封、轮候查封、解封与续封。",
  "page.portal.seizureList": "查封列表",
  "page.portal.seizureList.soon": "这里将列出本院办理的查封及其期限与轮候顺序。",
  "page.portal.projects": "项目首次登记",
  "page.portal.projects.soon": "这里将按项目办理首次登记，并批量办理交房即交证。",
  "page.portal.advanceNotices": "预告登记",
  "page.portal.advanceNotices.soon": "这里将与购房人一同办理预告登记与预告抵押（双预告）。",
  "page.portal.agency": "代办业务",
  "page.portal.agency.soon": "这里将由中介代当事人填写申请，当事人只需确认并签名。",
  "page.portal.inheritance": "公证继承",
  "page.portal.inheritance.soon": "办理继承、赠与公证的同时提交登记申请。",
  "page.portal.collaboration": "协同任务",
  "page.portal.collaboration.soon": "这里将处理登记机构推送的协同任务，如税费核定、网签合同与购房资格核验。",

  "page.workbench.accept": "待受理",
  "page.workbench.accept.soon": "这里将列出待受理的申请，核对材料后受理、补正或不予受理。",
  "page.workbench.review": "待审核",
  "page.workbench.review.soon": "这里将列出待审核的案件，并显示规则引擎的审核发现。",
  "page.workbench.record": "待登簿",
  "page.workbench.record.soon": "这里将把审核通过的案件记载于不动产登记簿。",
  "page.workbench.prepare": "待缮证",
  "page.workbench.prepare.soon": "这里将生成证书与登记证明，附宗地图、分户图与核验二维码。",
  "page.workbench.issue": "待发证",
  "page.workbench.issue.soon": "这里将发放电子证照、打印纸质证书或邮寄送达。",
  "page.workbench.register": "登记簿查询",
  "page.workbench.register.soon": "按坐落或不动产单元号查询登记簿。",
  "page.workbench.archive": "归档",
  "page.workbench.archive.soon": "这里将把办结案件的材料、登簿记录与证书电子归档。",
  "page.workbench.supervision": "监管",
  "page.workbench.supervision.soon": "这里将显示时限预警、廉政风险提示与业务统计。",
  "page.workbench.integrations": "部门接口运维",
  "page.workbench.integrations.soon": "部门接口的健康状况、待发与死信消息，可重发死信。",
  "page.workbench.admin": "系统管理",
  "page.workbench.admin.soon": "这里将管理账户、岗位、登记机构与业务配置。",

  "page.verify.title": "证书核验",
  "page.verify.soon": "扫描证书或查询结果上的二维码即可在此核验其真伪与现势状态。此功能即将上线。",

  "page.about.title": "关于鱼鳞",
  "page.about.name":
    "“鱼鳞”得名于明代的鱼鳞图册——中国古代的土地登记簿。鱼鳞是城市或省份用于线上线下办理不动产登记的平台。",
  "page.about.who":
    "申请人可在网上办事大厅申请、缴费、查询和下载电子证书；银行、开发企业、法院、公证机构及税务、住建部门在机构门户协同办理；登记机构工作人员在内网工作台受理、审核、登簿、缮证发证与归档。",
  "page.about.verify": "任何人都可以在证书核验页面核验证书的真伪。",
} as const;

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Readonly<Record<MessageKey, string>>;
