import type { InstitutionKind, StaffRole } from "@yulin/domain";

/** The shared demo password, printed at first start. Demo seed only: never in production data. */
export const DEMO_PASSWORD = "Yulin-demo-2026";

/** Two cities in different provinces (Foshan: the 2021 work plan seed; Suihua: the city–county seed). */
export const DEMO_OFFICES = [
  { code: "440604", slug: "chancheng", name: "佛山市禅城区不动产登记中心" },
  { code: "440605", slug: "nanhai", name: "佛山市南海区不动产登记中心" },
  { code: "440606", slug: "shunde", name: "佛山市顺德区不动产登记中心" },
  { code: "231202", slug: "beilin", name: "绥化市北林区不动产登记中心" },
  { code: "231221", slug: "wangkui", name: "望奎县不动产登记中心" },
  { code: "231282", slug: "zhaodong", name: "肇东市不动产登记中心" },
] as const;

export const DEMO_CITY_SUPERVISORS = [
  { username: "foshan.ducha", displayName: "佛山市局督查员", jurisdiction: "440600" },
  { username: "suihua.ducha", displayName: "绥化市局督查员", jurisdiction: "231200" },
] as const;

/** Username suffix and Chinese title of each staff role. */
export const DEMO_STAFF_ROLES: ReadonlyArray<{ role: StaffRole; suffix: string; title: string }> = [
  { role: "acceptor", suffix: "shouli", title: "受理员" },
  { role: "reviewer", suffix: "shenhe", title: "审核员" },
  { role: "registrar", suffix: "dengbu", title: "登簿员" },
  { role: "issuer", suffix: "fazheng", title: "发证员" },
  { role: "archivist", suffix: "dangan", title: "档案员" },
  { role: "supervisor", suffix: "ducha", title: "督查员" },
  { role: "admin", suffix: "admin", title: "管理员" },
];

export const DEMO_INSTITUTIONS: ReadonlyArray<{
  username: string;
  kind: InstitutionKind;
  name: string;
  division: string;
  organisation: string;
  jurisdiction: string;
}> = [
  {
    username: "bank.gongshang",
    kind: "bank",
    name: "中国工商银行佛山分行",
    division: "440604",
    organisation: "MA4UBK01",
    jurisdiction: "440604",
  },
  {
    username: "developer.yulin",
    kind: "developer",
    name: "佛山鱼鳞置业有限公司",
    division: "440605",
    organisation: "MA4UDE02",
    jurisdiction: "440605",
  },
  {
    username: "agent.anju",
    kind: "agent",
    name: "佛山安居房地产经纪有限公司",
    division: "440604",
    organisation: "MA4UAG03",
    jurisdiction: "440604",
  },
  {
    username: "court.chancheng",
    kind: "court",
    name: "佛山市禅城区人民法院",
    division: "440604",
    organisation: "MA4UCT04",
    jurisdiction: "440604",
  },
  {
    username: "notary.chancheng",
    kind: "notary",
    name: "佛山市禅城公证处",
    division: "440604",
    organisation: "MA4UNT05",
    jurisdiction: "440604",
  },
  {
    username: "tax.foshan",
    kind: "tax",
    name: "国家税务总局佛山市税务局",
    division: "440600",
    organisation: "MA4UTX06",
    jurisdiction: "440600",
  },
  {
    username: "housing.foshan",
    kind: "housing",
    name: "佛山市住房和城乡建设局",
    division: "440600",
    organisation: "MA4UHR07",
    jurisdiction: "440600",
  },
  {
    username: "bank.jianshe",
    kind: "bank",
    name: "中国建设银行佛山分行",
    division: "440604",
    organisation: "MA4UBK08",
    jurisdiction: "440604",
  },
];

export const DEMO_CITIZENS = [
  {
    username: "citizen.zhang",
    displayName: "张伟",
    county: "440604",
    birthDate: "1985-03-12",
    sequence: 101,
    phone: "13807571001",
  },
  {
    username: "citizen.li",
    displayName: "李娜",
    county: "440605",
    birthDate: "1990-07-08",
    sequence: 202,
    phone: "13807571002",
  },
  {
    username: "citizen.chen",
    displayName: "陈静",
    county: "440606",
    birthDate: "1978-11-30",
    sequence: 303,
    phone: "13807571003",
  },
  {
    username: "citizen.wang",
    displayName: "王芳",
    county: "231202",
    birthDate: "1988-01-21",
    sequence: 404,
    phone: "13904551004",
  },
  {
    username: "citizen.liu",
    displayName: "刘洋",
    county: "231282",
    birthDate: "1995-05-05",
    sequence: 505,
    phone: "13904551005",
  },
] as const;

export const DEMO_COMPANIES = [
  {
    username: "company.jiaju",
    displayName: "佛山鱼鳞家居有限公司",
    division: "440606",
    organisation: "MA4UCP08",
  },
  {
    username: "company.liangmao",
    displayName: "绥化北林粮贸有限公司",
    division: "231202",
    organisation: "MA4UCP09",
  },
] as const;
