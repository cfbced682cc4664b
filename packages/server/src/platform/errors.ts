import type { z } from "zod";
import type { ZError } from "./http/schemas";

/**
 * Stable error codes with their Chinese and English messages. One table, one mapping to HTTP.
 * Services throw `AppError`; the HTTP layer renders `{code, message_zh, message_en, details}`.
 */
const catalogue = {
  "REQUEST.INVALID": [400, "请求参数不符合要求", "The request is invalid"],
  "REQUEST.INVALID_TEXT": [
    400,
    "文本含有不允许的控制字符（如 NUL）",
    "The text contains a character that is not allowed (such as NUL)",
  ],
  "REQUEST.MALFORMED_JSON": [400, "请求体不是合法的 JSON", "The request body is not valid JSON"],
  "REQUEST.TOO_LARGE": [413, "请求体过大", "The request body is too large"],
  "REQUEST.URL_TOO_LONG": [414, "请求地址中的参数过长", "A parameter in the request URL is too long"],
  "REQUEST.BAD_URL": [400, "请求地址的编码无效", "The request URL is not validly encoded"],
  "REQUEST.UNSUPPORTED_MEDIA_TYPE": [415, "不支持的内容类型", "Unsupported content type"],
  "REQUEST.NOT_FOUND": [404, "请求的资源不存在", "The requested resource does not exist"],
  "REQUEST.METHOD_NOT_ALLOWED": [405, "不支持该请求方法", "Method not allowed"],
  RATE_LIMITED: [429, "请求过于频繁，请稍后再试", "Too many requests, please try again later"],
  // Idempotency-Key on an institution's POST (platform/http/idempotency.ts).
  "IDEMPOTENCY.KEY_REUSED": [
    409,
    "该幂等键已用于另一个请求（请求体或地址不同）",
    "The Idempotency-Key was already used for a different request (another body or path)",
  ],
  "IDEMPOTENCY.IN_PROGRESS": [
    409,
    "使用该幂等键的请求仍在处理中，请稍后重试",
    "A request with this Idempotency-Key is still being processed: retry shortly",
  ],
  "IDEMPOTENCY.INVALID_KEY": [
    400,
    "幂等键须为 1 至 255 个可见 ASCII 字符",
    "The Idempotency-Key must be 1 to 255 visible ASCII characters",
  ],
  "AUTH.UNAUTHENTICATED": [401, "请先登录", "Please log in first"],
  "AUTH.INVALID_CREDENTIALS": [401, "用户名或密码错误", "Wrong username or password"],
  "AUTH.LOGIN_THROTTLED": [
    429,
    "登录尝试过于频繁，请稍后再试（详见 retryAfterSeconds）",
    "Too many failed logins: wait before trying again (see retryAfterSeconds)",
  ],
  "AUTH.DISABLED": [403, "账户已停用", "The account is disabled"],
  "AUTH.INVALID_TOKEN": [
    401,
    "访问令牌无效、已过期或已撤销",
    "The access token is invalid, expired or revoked",
  ],
  "AUTH.TOKEN_SCOPE": [
    403,
    "访问令牌的权限范围不包含此操作",
    "The access token's scopes do not allow this operation",
  ],
  "AUTH.TOKEN_NOT_LIVE": [
    409,
    "该令牌已撤销、过期或已轮换",
    "The token is revoked, expired or already rotated",
  ],
  "AUTH.CSRF_ORIGIN": [
    403,
    "请求来自其他网站，已拒绝",
    "The request comes from another site and was refused",
  ],
  "AUTH.CSRF_TOKEN": [
    403,
    "页面安全校验失败，请刷新页面后重试",
    "The page's security token is missing or wrong: reload the page and retry",
  ],
  // Forbidden and not-found look the same to the caller (STYLE.md §4): no probing of other offices.
  "AUTH.FORBIDDEN": [404, "资源不存在或无权访问", "The resource does not exist or you may not access it"],
  "ACCOUNT.USERNAME_TAKEN": [409, "用户名已被使用", "The username is already taken"],
  "ACCOUNT.INVALID_ID_NUMBER": [400, "公民身份号码无效", "The resident ID number is invalid"],
  "ACCOUNT.INVALID_CREDIT_CODE": [400, "统一社会信用代码无效", "The unified social credit code is invalid"],
  "ACCOUNT.WEAK_PASSWORD": [
    400,
    "密码至少 10 位，且须包含字母和数字",
    "The password needs at least 10 characters with letters and digits",
  ],
  "ACCOUNT.SELF_CHANGE": [
    409,
    "不能锁定自己或取消自己的管理员角色",
    "You cannot lock yourself or remove your own administrator role",
  ],
  "SIGNUP.INVALID_APPLICANT": [
    400,
    "注册信息有误（姓名、身份证号码或手机号码），详见 findings",
    "The sign-up details are wrong (name, ID number or phone); see findings",
  ],
  "SIGNUP.MINOR": [
    422,
    "未满十八周岁，不能自行注册；请由监护人代为办理",
    "Under eighteen: a guardian acts for a minor, who cannot open an account",
  ],
  "SIGNUP.NAME_MISMATCH": [
    422,
    "姓名与公民身份号码不一致，实名核验未通过",
    "The name does not match the resident ID number: real-name verification failed",
  ],
  "SIGNUP.ALREADY_REGISTERED": [
    409,
    "该身份证号码已注册账户，请直接登录或找回密码",
    "An account already exists for this ID number: log in or reset the password",
  ],
  "SIGNUP.CODE_TOO_SOON": [
    429,
    "验证码发送过于频繁，请一分钟后再试",
    "A code was sent less than a minute ago",
  ],
  "SIGNUP.WRONG_CODE": [400, "验证码错误", "Wrong code"],
  "SIGNUP.CODE_EXHAUSTED": [
    429,
    "验证码错误次数过多，请重新获取验证码",
    "Too many wrong codes: ask for a new code",
  ],
  "SIGNUP.CODE_EXPIRED": [
    410,
    "验证码已过期或已使用，请重新获取",
    "The code has expired or was used: ask for a new one",
  ],
  "SIGNUP.FACE_MISMATCH": [
    422,
    "人脸核验未通过：照片与身份证照片不一致",
    "Face verification failed: the photo does not match the ID portrait",
  ],
  "SIGNUP.SMS_UNAVAILABLE": [
    503,
    "短信平台暂不可用，请稍后再试",
    "The SMS gateway is unavailable, please try again later",
  ],
  "SIGNUP.NOT_LEGAL_REPRESENTATIVE": [
    403,
    "只有营业执照登记的法定代表人本人可以为企业注册",
    "Only the legal representative named on the business licence may sign the company up",
  ],
  "SIGNUP.COMPANY_UNKNOWN": [
    422,
    "电子证照库中没有该统一社会信用代码的营业执照",
    "The e-licence library has no business licence with this credit code",
  ],
  "SIGNUP.COMPANY_REGISTERED": [409, "该企业已注册账户", "The company already has an account"],
  "OFFICE.UNKNOWN": [404, "登记机构不存在", "The registration office does not exist"],
  "CALENDAR.INVALID_DATE": [400, "日期无效", "The date is invalid"],
  "CALENDAR.SCHEDULE_INVALID": [
    400,
    "节假日安排有误，未保存（见 details.problems）",
    "The holiday schedule has errors and was not saved (see details.problems)",
  ],
  "CALENDAR.PROPOSAL_PENDING": [
    409,
    "该年份已有待审批的节假日安排",
    "A holiday schedule of that year is already waiting for approval",
  ],
  "CALENDAR.PROPOSAL_NOT_FOUND": [
    404,
    "节假日安排提议不存在",
    "The holiday schedule proposal does not exist",
  ],
  "CALENDAR.PROPOSAL_DECIDED": [
    409,
    "该节假日安排已审批或已驳回",
    "The holiday schedule was already approved or rejected",
  ],
  "CALENDAR.FOUR_EYES": [
    409,
    "法定时限的变更须由另一位管理员审批",
    "A change to legal time limits must be approved by a second administrator",
  ],
  // The register 登记簿 (register/).
  "REGISTER.UNIT_NOT_FOUND": [
    404,
    "不动产单元不存在或无权查看",
    "The unit does not exist or you may not see it",
  ],
  "REGISTER.PARCEL_NOT_FOUND": [
    404,
    "宗地不存在或无权查看",
    "The parcel does not exist or you may not see it",
  ],
  "REGISTER.BUILDING_NOT_FOUND": [
    404,
    "幢不存在或无权查看",
    "The building does not exist or you may not see it",
  ],
  "REGISTER.ENTRY_NOT_FOUND": [404, "登记簿条目不存在", "The register entry does not exist"],
  "REGISTER.INVALID_CODE": [400, "不动产单元代码无效", "The unit code is invalid"],
  "REGISTER.RULE_VIOLATION": [
    409,
    "不符合登记簿规则，未记载",
    "Not recorded: the change breaks a rule of the register",
  ],
  "REGISTER.PARCEL_OVERLAP": [
    409,
    "宗地与现有宗地在同一竖向范围内重叠",
    "The parcel overlaps an existing parcel at the same vertical range",
  ],
  "REGISTER.ZONE_UNKNOWN": [400, "地籍区/地籍子区未设立", "The cadastral zone or sub-zone is not set up"],
  "REGISTER.CODES_EXHAUSTED": [
    409,
    "该范围内的顺序号已用尽",
    "No free sequence numbers are left in this scope",
  ],
  "REGISTER.TREE_SIZE": [
    400,
    "树大小无效或超出登记簿当前条目数",
    "The tree size is invalid or beyond the ledger",
  ],
  "REGISTER.NO_SIGNED_HEAD": [404, "尚无签名树根", "No signed tree head yet"],
  "REGISTER.ENTRY_PENDING": [
    409,
    "条目已记载，尚待并入默克尔树，请稍后重试",
    "The entry is recorded and waits to be integrated into the Merkle tree; retry shortly",
  ],
  "REGISTER.CERTIFICATE_NOT_FOUND": [
    404,
    "未找到该证书号登记的不动产单元",
    "No unit is registered under this certificate number",
  ],
  "REGISTER.INVALID_CERTIFICATE_NUMBER": [
    400,
    "证书号格式无效（如 粤（2026）佛山市不动产权第0001234号）",
    "The certificate number is not valid (e.g. 粤（2026）佛山市不动产权第0001234号)",
  ],
  "REGISTER.QUERY_TOO_SHORT": [400, "查询条件至少两个字", "The search needs at least two characters"],
  // Department collaboration (integrations/, platform/outbox/).
  "INTEGRATION.SIGNATURE_INVALID": [401, "报文签名验证失败", "The message signature does not verify"],
  "INTEGRATION.STALE_MESSAGE": [
    401,
    "报文时间戳超出允许范围（5分钟）",
    "The message timestamp is outside the allowed window (5 minutes)",
  ],
  "INTEGRATION.REPLAYED": [409, "报文重放：该随机数已使用", "Replayed message: the nonce was already used"],
  "INTEGRATION.MESSAGE_CONFLICT": [
    409,
    "同一报文编号的内容不一致",
    "A message with this id was received with a different body",
  ],
  "INTEGRATION.NO_KEY": [401, "机构未登记验签公钥", "The institution has no registered public key"],
  "INTEGRATION.BAD_PUBLIC_KEY": [400, "SM2 公钥格式无效", "The SM2 public key is invalid"],
  "INTEGRATION.UNKNOWN_MESSAGE": [400, "不支持的报文类型", "Unsupported message type"],
  "INTEGRATION.REPLY_SIGNATURE_INVALID": [
    502,
    "部门应答签名验证失败，应答未采用",
    "The department's reply signature does not verify: the reply was not applied",
  ],
  "UTILITY.NOT_TRANSFER": [
    409,
    "该案件不是转移登记，无需联动过户",
    "Only a transfer case moves utility accounts",
  ],
  "UTILITY.CHOICE_CLOSED": [
    409,
    "已登簿，联动过户选择不可再改",
    "The case is registered: the utility choice can no longer change",
  ],
  "UTILITY.INVALID": [400, "联动过户信息有误", "The utility transfer choice is invalid"],
  "NOTARY.NOT_NOTARY": [403, "仅公证机构可办理公证代办登记", "Only a notary files notarised registrations"],
  "NOTARY.INVALID": [400, "公证代办申请有误", "The notarised filing is invalid"],
  "OUTBOX.NOT_RETRYABLE": [
    409,
    "该消息当前状态不可重发",
    "This message cannot be retried in its current state",
  ],
  "CONNECTOR.UNAVAILABLE": [503, "部门接口暂不可用，请稍后再试", "The department's service is unavailable"],
  "CONNECTOR.NOT_FOUND": [404, "部门未查到该记录", "The department has no such record"],
  "TAX.INVALID": [400, "申报信息有误", "The tax declaration is invalid"],
  "TAX.ALREADY_DECLARED": [409, "该案件已申报", "This case has already been declared"],
  "TAX.NOT_DECLARED": [409, "该案件尚未申报契税", "No deed tax declaration for this case"],
  "TAX.NOT_ASSESSED": [409, "税务部门尚未核定税额", "The tax department has not assessed this case yet"],
  "TAX.NOT_CLEARED": [
    409,
    "未收到税务部门的完税（或免税）确认，不能登簿",
    "No tax payment or exemption confirmation from the tax department: the case cannot be registered",
  ],
  "TAX.CONFIRMATION_MISMATCH": [
    409,
    "完税信息与核定税额不一致",
    "The tax confirmation does not match the assessment",
  ],
  "FEE.INVALID": [400, "收费信息有误", "The fee input is invalid"],
  "PAYMENT.INVALID": [400, "缴款信息有误", "The payment request is invalid"],
  "PAYMENT.ORDER_EXISTS": [409, "该案件已有缴款单", "This case already has a payment order"],
  "PAYMENT.NOTHING_TO_PAY": [409, "无需缴纳任何税费", "There is nothing to pay"],
  "PAYMENT.AMOUNT_MISMATCH": [409, "支付金额与应缴金额不符", "The paid amount differs from the amount due"],
  "PAYMENT.CASE_CLOSED": [
    409,
    "案件已不予登记、不予受理或撤回，不再收费；已缴登记费原路退回",
    "The case ended without registration: nothing more is charged and the fee paid is refunded",
  ],
  "LICENCE.CONSENT_REQUIRED": [
    403,
    "调取电子证照须经持证人授权",
    "Fetching an electronic licence needs the holder's consent",
  ],
  // Cases and workflow (cases/).
  "CASE.NOT_FOUND": [404, "案件不存在或无权查看", "The case does not exist or you may not see it"],
  "CASE.INVALID": [400, "申请内容不符合要求", "The application is invalid"],
  "CASE.UNKNOWN_TYPE": [400, "登记业务类型不存在", "Unknown registration type"],
  "CASE.UNIT_UNKNOWN": [400, "不动产单元不存在或未入库", "The unit is not in the register"],
  "CASE.STAGE": [409, "案件当前阶段不能办理此操作", "The case is not in a stage that allows this"],
  "CASE.NOT_EDITABLE": [
    409,
    "案件已提交，不能修改申请内容",
    "The case has been submitted and cannot be edited",
  ],
  "CASE.RULES_BLOCK": [
    409,
    "不符合登记规则，不予办理（详见各项规则及法律依据）",
    "Blocked by the registration rules (see each finding and its legal basis)",
  ],
  "CASE.REASONS_REQUIRED": [400, "须书面说明理由", "Written reasons are required"],
  "CASE.WITHDRAW_NOT_AN_APPLICANT": [
    403,
    "您不是本案申请人，不能撤回或同意撤回",
    "You are not an applicant of this case and cannot withdraw it or agree to its withdrawal",
  ],
  "CASE.WITHDRAW_NONE_PENDING": [
    409,
    "本案没有待确认的撤回申请",
    "This case has no pending withdrawal request",
  ],
  "CASE.WITHDRAW_ALREADY_CONFIRMED": [
    409,
    "您已同意撤回，正在等待其他申请人确认",
    "You have already agreed to withdraw; the other applicants have yet to confirm",
  ],
  "CASE.NOT_A_PARTY": [409, "您不是本案当事人，不能确认签名", "You are not a party to this case"],
  "CASE.NO_IDENTITY": [
    400,
    "账户未登记证件号码，不能作为当事人",
    "The account has no ID number on file and cannot be a party",
  ],
  "CASE.MATERIAL_TYPE": [
    415,
    "材料文件类型不允许（限 PDF、JPEG、PNG、OFD）",
    "File type not allowed (PDF, JPEG, PNG, OFD)",
  ],
  "CASE.MATERIAL_TOO_LARGE": [413, "材料文件过大", "The material file is too large"],
  "CASE.MATERIAL_UNKNOWN": [400, "材料种类不存在", "Unknown material kind"],
  "CASE.LICENCE_NOT_FOUND": [
    404,
    "电子证照不存在或不属于本案",
    "The e-licence does not exist or is not this case's",
  ],
  "CASE.MATERIAL_NOT_FETCHABLE": [
    409,
    "该材料不能由登记机构调取，请上传",
    "The registry cannot fetch this material: upload it",
  ],
  "CASE.MATERIAL_FROM_TAX": [
    409,
    "完税凭证由税务部门在缴税后推送，无需调取",
    "The tax office sends the tax proof once the tax is paid: nothing to fetch",
  ],
  "CASE.CONTRACT_NUMBER_REQUIRED": [409, "请先填写网签合同编号", "Enter the filed contract's number first"],
  "CASE.CONTRACT_MISMATCH": [
    409,
    "网签合同与本案不动产单元不一致或未备案",
    "The filed contract is for another unit or is not filed",
  ],
  "CASE.NO_TITLE_ON_REGISTER": [
    409,
    "登记簿上没有该单元的现势权属证书",
    "The register holds no current certificate of title for this unit",
  ],
  "CASE.NOT_FINISHED": [409, "案件办结后才能评价", "A case can be rated once it is finished"],
  "CASE.ALREADY_RATED": [409, "您已评价过本案件", "You have already rated this case"],
  "CASE.AWAITING_REPAYMENT": [
    409,
    "带押过户（分段模式）：待原抵押权人确认旧贷款已结清并注销原抵押权后才能缮证",
    "Segmented transfer with mortgage: certified once the old lender confirms repayment and its mortgage is cancelled",
  ],
  "CASE.NOT_AWAITING_REPAYMENT": [
    409,
    "该案件没有等待本行确认结清的原抵押权",
    "This case awaits no repayment confirmation from this bank",
  ],
  "CASE.CONFLICT": [
    409,
    "案件已被他人同时修改，请刷新后重试",
    "The case was changed at the same time; reload and retry",
  ],
  // Certificates and certifications (certificates/).
  "CERTIFICATE.NOT_FOUND": [
    404,
    "未找到该证书：核验码无效，证书可能系伪造",
    "No such certificate: the verification code is unknown and the certificate may be forged",
  ],
  "CERTIFICATE.INVALID": [400, "证书内容不完整或有误", "The certificate content is incomplete or wrong"],
  "CERTIFICATE.OFFICE_UNKNOWN": [400, "登记机构代码无效，无法编制证书号", "Unknown office: no number series"],
  "CERTIFICATE.NUMBERS_EXHAUSTED": [409, "本年度证书号已用尽", "This year's certificate numbers are used up"],
  "CERTIFICATE.NOT_CURRENT": [409, "证书已作废或已被补发替代", "The certificate is void or was replaced"],
  "CERTIFICATE.ANNOUNCEMENT_REQUIRED": [
    409,
    "遗失补发须先刊登作废声明",
    "A lost certificate is replaced only after its loss has been announced",
  ],
  "CERTIFICATE.PRINT_STATE": [
    409,
    "打证任务状态不允许此操作",
    "The print job is not in a state that allows this",
  ],
  "CERTIFICATE.FORM_SERIAL_INVALID": [400, "印制号格式无效", "The form serial number is not valid"],
  "CERTIFICATE.FORM_SERIAL_USED": [409, "该印制号已被使用", "This form serial number has already been used"],
  "CERTIFICATE.DELIVERY_STATE": [
    409,
    "领证/寄递状态不允许此操作",
    "The delivery is not in a state that allows this",
  ],
  "CERTIFICATE.TRACKING_INVALID": [400, "邮件号格式无效", "The tracking number is not valid"],
  "CERTIFICATE.RENDER_FAILED": [
    503,
    "电子证书生成失败，请稍后再试",
    "The electronic certificate could not be rendered yet",
  ],
  // Developer projects (projects/): refusals list each line or unit with its findings in details.
  "PROJECT.NOT_FOUND": [404, "项目不存在", "No such project"],
  "PROJECT.BUILDING_NOT_FOUND": [404, "项目中没有该幢房屋", "No such building in the project"],
  "PROJECT.TABLE_REJECTED": [
    422,
    "楼盘表有误，未导入任何房屋（逐行问题见 details.findings）",
    "The building table has errors; nothing was imported (see details.findings per line)",
  ],
  "PROJECT.ALREADY_REGISTERED": [409, "该幢房屋已办理首次登记", "The building's first registration is done"],
  "PROJECT.NOT_REGISTERED": [409, "该幢房屋尚未办理首次登记", "The building is not yet registered"],
  "PROJECT.REGISTRATION_REFUSED": [
    422,
    "有房屋不符合首次登记条件，整幢未登记（见 details.units）",
    "Some units fail the first registration; nothing was registered (see details.units)",
  ],
  "PROJECT.NOTICES_REJECTED": [
    422,
    "预告登记批次有误，未登记任何预告（逐行问题见 details.lines）",
    "The notice batch has errors; no notice was filed (see details.lines)",
  ],
  // 廉防预警 and the credit list (supervision/). Refusals carry the findings in details.findings.
  "SUPERVISION.ALERT_NOT_FOUND": [
    404,
    "预警不存在或无权查看",
    "The alert does not exist or you may not see it",
  ],
  "SUPERVISION.FOLLOW_UP_REFUSED": [
    409,
    "该预警不能这样跟进（已办结，或缺少理由、被指派人）",
    "The alert cannot be followed up that way (closed, or the reason or assignee is missing)",
  ],
  "SUPERVISION.THRESHOLD_INVALID": [
    400,
    "预警阈值不在允许范围内，未保存",
    "A threshold is outside its allowed range; nothing was saved",
  ],
  // Queries and disclosure (queries/, R30). Refusals carry the written reason in details.findings.
  "QUERY.INVALID_APPLICATION": [
    400,
    "查询申请不符合要求（查询人类别、目的、范围或证明材料）",
    "The query application is not allowed (querent kind, purpose, scope or proof)",
  ],
  "QUERY.QUERENT_NOT_ALLOWED": [
    403,
    "当前账户不能以该查询人身份申请查询",
    "This account may not query as that kind of querent",
  ],
  "QUERY.UNIT_NOT_REGISTERED": [
    404,
    "该不动产未登记或查无记载，不予查询",
    "The property is not registered: the query is refused",
  ],
  "QUERY.NOT_HOLDER": [
    403,
    "查询人不是该不动产的权利人，不符合查询条件",
    "The querent does not hold this property: the requirements are not met",
  ],
  "QUERY.ADDRESS_TOO_SHORT": [400, "坐落至少两个字", "The address needs at least two characters"],
  "QUERY.ADDRESS_AMBIGUOUS": [
    400,
    "坐落对应多个不动产单元，请填写完整坐落或单元号",
    "The address matches several units: give the full address or the unit code",
  ],
  "QUERY.QUOTA_EXCEEDED": [
    429,
    "今日无证明查询次数已用完，账户已暂停查询并报督查员",
    "Today's intent-only queries are used up: the account is blocked and reported to supervisors",
  ],
  "QUERY.NOT_FOUND": [404, "查询申请不存在或无权查看", "The query does not exist or you may not see it"],
  "QUERY.NOT_PENDING": [409, "该查询申请已办结", "The query application has already been decided"],
  "QUERY.NOT_ANSWERED": [
    409,
    "该查询尚未答复，无查询结果证明",
    "The query is not answered: no certified result",
  ],
  "INTEGRATION.ENDPOINT_NOT_ALLOWED": [
    400,
    "通知地址不被允许：仅限 http/https 且须解析到公网地址",
    "The endpoint is not allowed: http or https only, resolving to public addresses",
  ],
  "DASHBOARD.RANGE_INVALID": [
    400,
    "统计期间无效：起止日期须有效、起不晚于止，且不超过 366 天",
    "The period is invalid: valid dates, from not after to, at most 366 days",
  ],
  "COMPLAINT.CONTACT_REQUIRED": [
    400,
    "投诉须留联系人姓名和手机号码，以便答复",
    "A complaint needs a contact name and mobile number for the answer",
  ],
  "COMPLAINT.NOT_FOUND": [404, "投诉不存在或查询码错误", "No complaint with this tracking number"],
  "COMPLAINT.ALREADY_ANSWERED": [409, "该投诉已答复", "The complaint has already been answered"],
  "COMPENSATION.NOT_FOUND": [
    404,
    "赔偿申请不存在或无权查看",
    "The compensation claim does not exist or you may not see it",
  ],
  "COMPENSATION.WRONG_STEP": [
    409,
    "赔偿申请不在可进行该步骤的状态（申请→审查→决定→支付）",
    "The claim is not at this step (claim → review → decision → payment)",
  ],
  "COMPENSATION.INVALID_DECISION": [
    400,
    "赔偿决定不成立：须经审查认定登记错误，赔偿金额不超过损失",
    "The decision does not hold: a registry error must be found and the award cannot exceed the loss",
  ],
  INTERNAL: [500, "服务器内部错误", "Internal server error"],
  UNAVAILABLE: [503, "服务暂不可用", "Service unavailable"],
  // 登簿日志上报 (integrations/national/)
  "NATIONAL.UNKNOWN_REPORT": [
    422,
    "回执对应的登簿日志报告不存在，已拒收",
    "The acknowledgement names a report this registry never sent; it was refused",
  ],
  // 电子档案 (archive/)
  "ARCHIVE.NOT_FOUND": [
    404,
    "档案不存在或无权查看",
    "The archive record does not exist or you may not see it",
  ],
  "ARCHIVE.CASE_NOT_READY": [
    409,
    "案件尚未办结（发证或登簿后方可移交归档）",
    "The case is not finished: it is transferred to the archive after issue or registration",
  ],
  "ARCHIVE.ALREADY_TRANSFERRED": [
    409,
    "该案件已移交归档",
    "The case has already been transferred to the archive",
  ],
  "ARCHIVE.CHECK_FAILED": [
    422,
    "四性检测未通过，未归档（见 details.failures）",
    "The four-properties check failed and nothing was archived (see details.failures)",
  ],
  "ARCHIVE.WRONG_STATUS": [
    409,
    "档案当前状态不允许此操作",
    "The archive record's status does not allow this",
  ],
  "ARCHIVE.LOAN_NOT_ALLOWED": [
    403,
    "借阅人无权查看该档案，借阅申请已拒绝",
    "The borrower may not see this record: the lending request is refused",
  ],
  "ARCHIVE.LOAN_NOT_FOUND": [404, "借阅记录不存在", "The loan does not exist"],
  "ARCHIVE.DESTRUCTION_NOT_ALLOWED": [
    409,
    "该档案不得销毁（登记簿档案永久保存，或保管期限未满）",
    "This record may not be destroyed (register records are permanent, or the retention period has not ended)",
  ],
  "ARCHIVE.LEGACY_INVALID": [
    400,
    "纸质档案目录或扫描件有误，未导入（见 details.problems）",
    "The paper archive's catalogue or scans have errors and nothing was imported (see details.problems)",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? catalogue[code][2]);
    this.code = code;
    this.details = details ?? null;
  }
}

/** The body of every error answer, as its schema (ZError) declares it. */
export type ErrorBody = z.infer<typeof ZError>;

export function httpStatusOf(code: ErrorCode): number {
  return catalogue[code][0];
}

export function errorBody(code: ErrorCode, details: unknown = null): ErrorBody {
  const [, zh, en] = catalogue[code];
  return { code, message_zh: zh, message_en: en, details };
}

/** Every code of the catalogue with its status and messages (the OpenAPI document lists them). */
export function errorCatalogue(): { code: ErrorCode; status: number; zh: string; en: string }[] {
  return Object.entries(catalogue).map(([code, [status, zh, en]]) => ({
    code: code as ErrorCode,
    status,
    zh,
    en,
  }));
}

/** Whether `code` is one of the catalogue's stable codes (the fuzz suite checks every refusal). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(catalogue, code);
}
