"""第二批、更难的中文用例：长邮件往来、工厂询底价、'附件'指配件、正式称呼、细微泄露。"""

from __future__ import annotations

from tests.eval.common import SIG, Cases, foxmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("zh")
L = SIG["lina"]
Z = SIG["zhangmin"]
DISCLAIMER = (
    "免责声明：本邮件所载信息仅供收件人使用，可能包含商业秘密。未经许可，不得转发、复制或披露本邮件及其任何附件的内容。"
    "若您误收本邮件，请立即删除并通知发件人。本公司对邮件传输过程中的延误、丢失或病毒不承担任何责任。"
)

# ------------------------------------------------------------------ 正常邮件
c.normal(
    "Outlook 中文引用头（发件人/发送时间），客户自己在下面提到附件和别家报价",
    sender="lina",
    to=["wangwei"],
    subject="回复: 回复: 550W组件一季度价格",
    body=(
        "王总您好，\n\n明白。如果12月15日前收到定金，3个柜我们可以做到0.98元/W含税到厂。\n\n"
        + L
        + outlook_quote(
            "zh",
            "王伟 <wangwei@sh-sunshine.com.cn>",
            "2026年11月26日 16:40",
            "王丽娜 Lina Wang <lina.wang@acme-trade.example>",
            "回复: 550W组件一季度价格",
            "丽娜：\n\n另一家供应商报了0.96元/W，报价单见附件第二页。你们能不能再靠近一点？\n\n王伟\n上海阳光新能源有限公司 采购部",
        )
    ),
    absent=["missing_attachment", "internal_content_external", "content_mismatch"],
)
c.normal(
    "向我们自己的工厂询出厂价和底价，并告诉工厂我们的目标成本",
    sender="zhangmin",
    to=["zhouqiang"],
    subject="询价：550W单晶组件 2x40HQ",
    body=(
        "周总您好，\n\n麻烦报一下550W单晶组件2个40尺高柜的出厂价，再给个底价。我们的目标成本是0.86元/W，"
        "客户那边对价格很敏感，利润空间很小。\n\n" + Z
    ),
    absent=["sensitive_external"],
)
c.normal(
    "向锐达五金要成本价，提到终端客户名称（供应商每天处理客户资料）",
    sender="zhangmin",
    to=["wugang"],
    subject="地桩76x1600 成本核算",
    body=(
        "吴总好，\n\n美国客户Lone Star Hardware这单8000支地桩，请按成本价核一下，镀锌层85微米。"
        "我们卖价是7.9美金CIF休斯顿，您这边底价能到多少？\n\n" + Z
    ),
    absent=["sensitive_external", "exposed_recipients"],
)
c.normal(
    "'各位好' 写给华光电气的两位联系人，两人都在收件人",
    sender="lina",
    to=["chenjing", "liuyang"],
    subject="12月发货计划",
    body="各位好，\n\n12月的两个柜分别安排在12月8日和12月20日装柜，明细见下表，请确认仓库能否接收。\n\n" + L,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "'华东光伏市场' 是普通说法（不是指竞争对手华东光伏进出口）",
    sender="lina",
    to=["wangwei"],
    subject="明年市场判断",
    body=("王总您好，\n\n我们判断明年华东光伏市场需求还会增长，分布式项目尤其多，建议一季度多备两个柜的货。\n\n" + L),
    absent=["content_mismatch", "competitor_recipient"],
)
c.normal(
    "春节放假通知，所有客户（含互为竞争的经销商）都在密送，自己在收件人",
    sender="lina",
    to=["lina"],
    bcc=["wangwei", "lina_c", "chenjing", "liuyang", "liming", "zhaolei"],
    subject="宁波艾克美贸易2027年春节放假通知",
    body=(
        "尊敬的各位客户：\n\n我司春节放假时间为2027年2月4日至2月15日，2月16日正常上班。"
        "节前最后一批发货为1月28日，请提前安排订单。\n\n" + L
    ),
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "客户、我们的货代和工厂在一封邮件里协调装柜",
    sender="lina",
    to=["chenjing"],
    cc=["sunli", "huanglei"],
    subject="华光12月柜 装柜协调",
    body=(
        "陈经理、孙小姐、黄工：\n\n12月8日在厦门晶能支架工厂装柜，远航货代孙小姐安排拖车，黄工准备好支架和附件。"
        "陈经理这边如需验货请提前一天告诉我们。\n\n" + L
    ),
    absent=["exposed_recipients", "content_mismatch", "greeting_mismatch"],
)
c.normal(
    "回复用QQ邮箱的老客户李明（已知联系人），Foxmail 引用里他说附件是水单",
    sender="zhangmin",
    to=["liming"],
    subject="回复: 付款水单",
    body=(
        "李总您好，\n\n款已收到，谢谢！货明天发德邦物流，单号发您微信。\n\n"
        + Z
        + foxmail_quote(
            '"李明"<liming_hardware@qq.com>',
            "2026年11月27日(星期五) 上午9:12",
            '"张敏"<zhang.min@acme-trade.example>',
            "付款水单",
            "张经理，货款已付，附件是水单，请查收。",
        )
    ),
    known=True,
    absent=["missing_attachment", "exposed_recipients", "contact_mismatch"],
)
c.normal(
    "内部邮件：多个客户名、成本价和利润，只发同事",
    sender="zhangmin",
    to=["lina"],
    cc=["david"],
    subject="11月毛利汇总",
    body=(
        "丽娜：\n\n11月毛利：上海阳光 8.2%，华光电气 6.5%，小李五金 12%。恒辉的出厂价下月涨3分，"
        "上海阳光和华光的报价要不要一起调，周一开会定。\n\n张敏"
    ),
    absent=["sensitive_external", "content_mismatch", "internal_content_external"],
)
c.normal(
    "'附件' 指支架配件（螺栓、压块），不是邮件附件",
    sender="lina",
    to=["zhaolei"],
    subject="支架及附件清单",
    body=(
        "赵工您好，\n\n成都项目的支架附件（M8螺栓、中压块、边压块、接地片）已随主材一起装箱，"
        "每个托盘贴有附件清单标签，到货后请按标签核对。\n\n" + L
    ),
    absent=["missing_attachment"],
)
c.normal(
    "称呼两位收件人全名加职务，两人都在收件人",
    sender="lina",
    to=["chenjing", "liuyang"],
    subject="年度返点确认",
    body="陈静女士、刘洋经理：您好！\n\n2026年度返点按1.5%计算，将在下一批货款中抵扣。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "HTML 回复，Gmail 引用（…写道：），潜在客户在引用里说附上了项目图纸",
    sender="lina",
    to=["zhaolei"],
    subject="Re: 成都工商业屋顶项目",
    fmt="html",
    body=html(
        "赵工您好，\n\n图纸已收到，我们工程师周一给您排布方案和报价。\n\n此致<br>王丽娜",
        "丽娜你好，<br>附上项目屋顶图纸和荷载报告，麻烦出一个排布方案。<br>赵磊<br>成都天府光伏工程有限公司",
        "2026年11月26日周四 10:12，赵磊 &lt;zhaolei@tfpv.com.cn&gt; 写道：",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "形式发票给对的客户，文件名是该客户，邮件里有我们的收款账户（已知客户：提示，不告警）",
    sender="lina",
    to=["wangwei"],
    subject="形式发票 CN-4001-2026-12",
    body=(
        "王总您好，\n\n形式发票请见附件，请按30%安排定金。收款账户：宁波艾克美贸易有限公司，"
        "宁波银行鄞州支行，账号 7101 0122 0003 3456。\n\n" + L + "\n\n" + DISCLAIMER
    ),
    attachments=[
        (
            "形式发票_上海阳光_CN-4001-2026-12.pdf",
            pi_text(
                "上海阳光新能源有限公司",
                "上海市浦东新区张江路 88 号",
                "ACME-PI-2026-120",
                "1  ACM-550M 550W  1,240 pcs  CNY 539.00  CNY 668,360.00",
                "CNY 668,360.00",
                "含税到厂价，30%定金，余款发货前付清",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "告诉客户我们的工厂和货代名称（常规）",
    sender="lina",
    to=["liuyang"],
    subject="生产进度",
    body=(
        "刘经理您好，\n\n您这批组件由恒辉光伏生产，昨天已经下线，远航货代周一提货进港。提单出来后第一时间给您。\n\n" + L
    ),
    absent=["content_mismatch"],
)
c.normal(
    "主题 '回复: 转发: 回复:'，同事在抄送",
    sender="lina",
    to=["wangwei"],
    cc=["zhangmin"],
    subject="回复: 转发: 回复: 质保条款",
    body="王总您好，\n\n质保条款按12年产品质保、30年线性功率质保执行，我同事张敏在抄送，后续由她跟进合同。\n\n" + L,
)
c.normal(
    "客户的单据发给我们的货代（日常操作）",
    sender="zhangmin",
    to=["yh_docs"],
    subject="华光电气 12月柜 报关资料",
    body="远航单证部：\n\n附件是华光电气12月柜的箱单和发票，请安排报关。\n\n" + Z,
    attachments=[
        ("装箱单_华光电气_CN-4002-2026-12.xlsx", "装箱单\n收货人：深圳华光电气有限公司\n1x40HQ 620块"),
        ("商业发票_华光电气_CN-4002-2026-12.pdf", "商业发票\n买方：深圳华光电气有限公司\n合计：CNY 334,180.00"),
    ],
    absent=["content_mismatch", "exposed_recipients", "missing_attachment"],
)
c.normal(
    "邮件签名带免责声明（提到附件和保密）",
    sender="lina",
    to=["zhaolei"],
    subject="拜访安排",
    body="赵工您好，\n\n我下周三到成都，下午两点到贵司拜访，可以吗？\n\n" + L + "\n\n" + DISCLAIMER,
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "以'小李'称呼同事（常见称呼，不是客户小李五金）",
    sender="lina",
    to=["chenjing"],
    subject="样品寄送",
    body="陈经理您好，\n\n样品今天由我们仓库的小李寄出，顺丰单号 SF1234567890，预计明天到深圳。\n\n" + L,
    absent=["content_mismatch"],
)

# ------------------------------------------------------------------ 风险邮件
c.risky(
    "以'上海阳光'命名的形式发票发给竞争经销商华光电气",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="形式发票",
    body="陈经理您好，\n\n形式发票见附件，请安排定金。\n\n" + L,
    attachments=[("PI_上海阳光_2026-088.pdf", None)],
)
c.risky(
    "报价单文件名用 CamelCase 的 ShanghaiSunshine，发给天府光伏",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["zhaolei"],
    subject="报价单",
    body="赵工您好，\n\n报价单见附件。\n\n" + L,
    attachments=[("Quotation_ShanghaiSunshine_Q1-2027.xlsx", None)],
)
c.risky(
    "合同文件名带华光的客户编号，发给上海阳光",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["wangwei"],
    subject="2027年度供货合同",
    body="王总您好，\n\n2027年度供货合同草稿见附件，请审阅。\n\n" + L,
    attachments=[("供货合同_CN-4002_2027.docx", None)],
)
c.risky(
    "中性文件名，报价单正文是华光电气的，发给上海阳光",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["lina_c"],
    subject="报价",
    body="李经理您好，\n\n报价单见附件，请查收。\n\n" + L,
    attachments=[
        (
            "报价单2027.pdf",
            quote_text("深圳华光电气有限公司", "陈静", "Q-2027-0031", "ACM-550M 550W  CNY 0.98/W", "出厂价"),
        )
    ],
)
c.risky(
    "回错邮件线程：主题是上海阳光的订单，发给天府光伏",
    {"content_mismatch": "high"},
    sender="lina",
    to=["zhaolei"],
    subject="回复: 上海阳光12月订单交期",
    body=(
        "您好，\n\n交期没问题，12月20日前可以发货。\n\n"
        + L
        + foxmail_quote(
            '"王伟"<wangwei@sh-sunshine.com.cn>',
            "2026年11月27日(星期五) 下午3:05",
            '"王丽娜"<lina.wang@acme-trade.example>',
            "上海阳光12月订单交期",
            "丽娜，12月那批能不能20号前发？王伟",
        )
    ),
)
c.risky(
    "两家竞争经销商在收件人和抄送",
    {"rival_exposure": "critical"},
    sender="lina",
    to=["wangwei"],
    cc=["liuyang"],
    subject="经销商年会邀请",
    body="王总、刘经理：\n\n诚邀参加12月18日在宁波举办的经销商年会。\n\n" + L,
    absent=["exposed_recipients"],
)
c.risky(
    "两个陌生买家（163.com 和 qq.com）在收件人里互相可见",
    {"exposed_recipients": "medium"},
    sender="zhangmin",
    to=[("zhang_pv2020@163.com", "张先生"), ("1397562210@qq.com", "刘老板")],
    subject="光伏支架报价",
    body="两位老板好，\n\n铝合金支架报价：0.18元/W，含税含运到厂。\n\n" + Z,
)
c.risky(
    "域名后缀 .com 代替 .cn（华光电气）",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("chenjing@hg-electric.com", "陈静")],
    subject="对账单",
    body="陈经理您好，\n\n11月对账单请核对。\n\n" + L,
)
c.risky(
    "域名字母顺序颠倒（tpfv 代替 tfpv）",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("zhaolei@tpfv.com.cn", "赵磊")],
    subject="方案报价",
    body="赵工您好，\n\n方案报价今天下午给您。\n\n" + L,
)
c.risky(
    "punycode 域名，西里尔字母 'е' 冒充上海阳光",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("wangwei@xn--sh-sunshin-tsi.com.cn", "王伟")],
    subject="回复: 更换收款账户？",
    body="王总您好，\n\n我司收款账户没有变更，请只按形式发票上的账户付款。\n\n" + L,
)
c.risky(
    "全角'＠'（输入法没切换），地址无法投递",
    {"invalid_address": "high"},
    sender="lina",
    to=[("chenjing＠hg-electric.cn", "陈静")],
    subject="发货通知",
    body="陈经理您好，\n\n货已发出。\n\n" + L,
)
c.risky(
    "把成本价和底价告诉客户",
    {"sensitive_external": "high"},
    sender="lina",
    to=["liuyang"],
    subject="回复: 还能再降吗",
    body="刘经理，\n\n说实话我们的成本价已经是0.92元/W，底价0.95，再低就亏本了，利润不到3%。\n\n" + L,
)
c.risky(
    "'内部备注' 留在发给客户的邮件里",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="订单确认",
    body=(
        "陈经理您好，\n\n确认贵司订单2个柜，12月发货。\n\n"
        "内部备注：华光付款一向拖延，必须款到发货，不接受账期！\n\n" + L
    ),
)
c.risky(
    "转发了同事之间的内部讨论（Foxmail 引用，张敏↔王丽娜）给客户",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["wangwei"],
    subject="转发: 上海阳光价格审批",
    body=(
        "王总，价格批下来了，见下面。\n\n"
        + L
        + foxmail_quote(
            '"张敏"<zhang.min@acme-trade.example>',
            "2026年11月26日(星期四) 晚上8:15",
            '"王丽娜"<lina.wang@acme-trade.example>',
            "上海阳光价格审批",
            "丽娜，0.98可以给，但上海阳光最近资金紧张，定金一定要先到。别让他们知道我们成本0.90。",
        )
    ),
)
c.risky(
    "'尊敬的王伟先生' 但邮件发给华光电气的陈静",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["chenjing"],
    subject="技术资料",
    body="尊敬的王伟先生：\n\n您好！您要的逆变器技术资料已上传到我们的下载平台。\n\n" + L,
)
c.risky(
    "'刘洋经理，您好' 但邮件发给天府光伏的赵磊",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["zhaolei"],
    subject="到货时间",
    body="刘洋经理，您好：\n\n货预计下周二到仓库。\n\n" + L,
)
c.risky(
    "'附件请查收' 但没有附件",
    {"missing_attachment": "medium"},
    sender="lina",
    to=["lina_c"],
    subject="装箱单",
    body="李经理您好，\n\n12月柜的装箱单和发票，附件请查收。\n\n" + L,
)
c.risky(
    "把收款账户发给陌生的 163 邮箱",
    {"sensitive_external": "high"},
    sender="zhangmin",
    to=[("huaguang_caiwu@163.com", "财务")],
    subject="收款账户信息",
    body="您好，\n\n我司收款账户：宁波艾克美贸易有限公司，宁波银行鄞州支行，账号 7101 0122 0003 3456。\n\n" + Z,
)

c.normal(
    "附件稍后补发（将来时），并提到上一封邮件的附件",
    sender="lina",
    to=["zhaolei"],
    subject="回复: 排布方案",
    body=("赵工您好，\n\n排布方案工程师还在修改，附件明天上午补发给您。上一封邮件附件里的荷载计算不变。\n\n" + L),
    absent=["missing_attachment"],
)
c.risky(
    "'详见附件' 但没有附件",
    {"missing_attachment": "medium"},
    sender="lina",
    to=["liuyang"],
    subject="2027年价格表",
    body="刘经理您好，\n\n2027年价格表已更新，详见附件。\n\n" + L,
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first batch: zh-m001 ...
    _case["id"] = _case["id"].replace("zh-", "zh-m", 1)
