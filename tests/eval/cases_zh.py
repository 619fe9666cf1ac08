"""Chinese trade mail: domestic dealers, our factories (出厂价), forwarders (货代), QQ / 163 freemail buyers."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, foxmail_quote, gmail_quote, html, outlook_quote, pi_text

c = Cases("zh")
L = SIG["lina"]
Z = SIG["zhangmin"]

FACTORIES = [
    (f"{name}@{dom}", disp)
    for name, dom, disp in [
        ("sales", "nbxinda-hw.com", "宁波鑫达五金"),
        ("info", "yuyao-guangming.com", "余姚光明电器"),
        ("export", "cz-tianrun.com", "常州天润"),
        ("sales", "jxsolarglass.com", "嘉兴光伏玻璃"),
        ("market", "wz-dongfang.com", "温州东方开关"),
        ("sales", "hf-jinyang.com", "合肥金阳"),
        ("zhang", "sz-kaida.com", "苏州凯达"),
        ("sales", "xm-huarong.com", "厦门华荣"),
        ("info", "nt-cable.com", "南通电缆"),
        ("sales", "wx-lvneng.com", "无锡绿能"),
        ("export", "tz-hongda.com", "台州宏达"),
        ("sales", "hz-yuanfeng.com", "杭州远峰"),
        ("li", "jh-fasteners.com", "金华紧固件"),
        ("sales", "cx-aluminium.com", "慈溪铝业"),
        ("info", "fs-profile.com", "佛山型材"),
        ("sales", "dg-connector.com", "东莞连接器"),
        ("wang", "nb-packing.com", "宁波包装"),
        ("sales", "yk-steel.com", "营口钢构"),
        ("sales", "qd-bracket.com", "青岛支架"),
        ("info", "wh-battery.com", "武汉电池"),
        ("sales", "cs-inverter.com", "长沙逆变器"),
        ("export", "sy-junction.com", "沈阳接线盒"),
        ("sales", "tj-galvan.com", "天津镀锌"),
        ("sales", "jn-cabletray.com", "济南桥架"),
        ("info", "zz-glass.com", "郑州玻璃"),
        ("sales", "ls-labels.com", "丽水标签"),
    ]
]

# ------------------------------------------------------------------ normal mail
c.normal(
    "发货通知，带公司保密声明（声明里提到附件）",
    sender="lina",
    to=["wangwei"],
    subject="CN-4001 订单发货通知",
    body=(
        "王总您好：\n\n贵司订单CN-4001的两个集装箱已于今日装船，预计12月8日到港。提单出来后我们第一时间通知您。\n\n"
        f"{L}\n\n{FOOTER['zh']}"
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "报价单以客户名称命名，发给该客户，带保密声明",
    sender="lina",
    to=["wangwei"],
    subject="550W单晶组件报价 - 上海阳光",
    body="王总您好：\n\n附件是550W单晶组件的报价单，请查收。价格有效期至12月15日。\n\n" + L + "\n\n" + FOOTER["zh"],
    attachments=[
        (
            "报价单_上海阳光_2026-11.pdf",
            "报价单\n客户：上海阳光新能源有限公司\n联系人：王伟\n"
            "550W单晶组件 1240片 单价 0.92元/W（含税）\n有效期：15天",
        )
    ],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "附件稍后发送（未来时）",
    sender="lina",
    to=["chenjing"],
    subject="检测报告",
    body=(
        "陈经理您好：\n\nTÜV检测报告还在盖章，暂时没有附件，稍后发送附件给您。合同我们今天内部走流程，明天发给您。\n\n"
        + L
    ),
    absent=["missing_attachment"],
)
c.normal(
    "PI明天发（未来时）",
    sender="lina",
    to=["liuyang"],
    subject="回复：支架订单",
    body="刘经理您好：\n\n数量已确认，PI明天上午发您，运费等货代报价后再加上。\n\n" + L,
    absent=["missing_attachment"],
)
c.normal(
    "回复Foxmail引用的客户原邮件（原邮件提到附件）",
    sender="lina",
    to=["wangwei"],
    subject="回复：采购订单PO-SH-2026-118",
    body=(
        "王总您好：\n\n订单已收到，我们确认交期为12月20日。谢谢！\n\n"
        + L
        + foxmail_quote(
            "王伟 <wangwei@sh-sunshine.com.cn>",
            "2026年11月24日(星期二) 上午9:12",
            "王丽娜 <lina.wang@acme-trade.example>",
            "采购订单PO-SH-2026-118",
            "丽娜你好：\n\n附件是我们的采购订单，请查收并确认交期。\n\n王伟\n上海阳光新能源有限公司 采购部\n"
            "上海市闵行区申富路88号  电话：021-6488 1234",
        )
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "回复Outlook中文抬头引用的客户邮件（对账单附件）",
    sender="lina",
    to=["chenjing"],
    subject="答复: 11月对账单",
    body="陈经理您好：\n\n对账单核对无误，我们这边已盖章确认。\n\n"
    + L
    + outlook_quote(
        "zh",
        "陈静 <chenjing@hg-electric.cn>",
        "2026年11月25日 14:03",
        "王丽娜 <lina.wang@acme-trade.example>",
        "11月对账单",
        "王经理：\n附件为11月对账单，请核对后回传。\n陈静 | 深圳华光电气有限公司 财务部",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "回复QQ邮箱客户，Gmail式引用，原邮件有付款水单附件",
    sender="zhangmin",
    to=["liming"],
    subject="Re: 付款水单",
    body="李老板您好：\n\n款已到账，谢谢！货明天发出。\n\n"
    + Z
    + gmail_quote(
        "李明 <liming_hardware@qq.com> 于2026年11月25日周三 下午3:20写道：",
        "张经理：\n附件是付款水单，请查收，尽快发货。\n李明",
    ),
    absent=["missing_attachment", "exposed_recipients"],
)
c.normal(
    "HTML回复，引用块里是潜在客户提到附件",
    sender="lina",
    to=["zhaolei"],
    subject="回复：项目技术要求",
    fmt="html",
    body=html(
        "赵工您好：\n\n技术要求我们已经转给工程部，周五前给您答复。\n\n王丽娜<br>宁波艾克美贸易有限公司",
        "王经理您好：<br>请见附件中的项目技术要求和屋顶图纸。<br>赵磊<br>成都天府光伏工程有限公司",
        "赵磊 &lt;zhaolei@tfpv.com.cn&gt; 于2026年11月23日周一 10:05写道：",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "客户和货代在同一封邮件里，单据以客户命名",
    sender="lina",
    to=["wangwei"],
    cc=["sunli"],
    subject="CN-4001 订舱及单据",
    body=("王总、孙经理：\n\n附件是装箱单和商业发票。孙经理请安排订舱，ETD 12月5日，宁波港。\n\n" + L),
    attachments=[
        ("装箱单_上海阳光_CN-4001.xlsx", "装箱单\n收货人：上海阳光新能源有限公司\n2 x 40HQ 共1240箱"),
        ("商业发票_上海阳光_CN-4001.pdf", "商业发票\n买方：上海阳光新能源有限公司\n金额：USD 184,320.00"),
    ],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "客户和我们的工厂工程师在同一封邮件",
    sender="lina",
    to=["chenjing"],
    cc=["zhouqiang"],
    subject="组件衰减问题",
    body="陈经理：\n\n我把恒辉光伏的周工也抄送进来了，衰减测试的问题他可以直接解答。\n\n" + L,
    absent=["exposed_recipients"],
)
c.normal(
    "客户同意后的三方介绍（客户+验货合作方）",
    sender="lina",
    to=["zhaolei"],
    cc=["kwong"],
    subject="介绍：Qualicheck验货 - 天府光伏项目",
    body=(
        "赵工您好：\n\n按照您昨天电话里同意的，现介绍Qualicheck的黄先生（Kevin Wong）给您认识，他负责我们常州和厦门"
        "工厂的验货。Kevin，赵工是成都天府光伏的项目经理，首批货出货前希望做一次验厂。\n\n具体时间请二位直接沟通。\n\n"
        + L
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "向自己的工厂询出厂价，并说明目标成本",
    sender="zhangmin",
    to=["zhouqiang"],
    subject="询价：550W单晶组件 2x40HQ",
    body=(
        "周总您好：\n\n麻烦报一下550W单晶组件的出厂价（含税和不含税各一个），数量两个40HQ，1月交货。"
        "我们的目标成本是0.85元/W，客户那边利润空间很小，请尽量支持。\n\n" + Z
    ),
    absent=["sensitive_external", "exposed_recipients"],
)
c.normal(
    "向五金工厂要EXW价格，提到利润率和最终客户",
    sender="zhangmin",
    to=["wugang"],
    subject="地脚螺栓 EXW报价",
    body=(
        "吴工你好：\n\n请报M16地脚螺栓的EXW宁波价格，3万套。这单是给美国Lone Star Hardware的，我们利润率只有5%，"
        "价格上请再支持一下。\n\n" + Z
    ),
    absent=["sensitive_external"],
)
c.normal(
    "PI发给对应客户，文件名是该客户",
    sender="lina",
    to=["chenjing"],
    subject="形式发票 CN-4002-2026-031",
    body="陈经理您好：\n\n附件是本次订单的PI，请安排30%预付款。\n\n" + L,
    attachments=[
        (
            "PI_华光电气_CN-4002-2026-031.pdf",
            pi_text(
                "深圳华光电气有限公司",
                "深圳市宝安区福永街道凤凰路12号",
                "ACME-PI-2026-031",
                "1  光伏支架 8000套  单价 36.00元  金额 288,000.00元",
                "288,000.00元",
                "30%预付，70%发货前付清",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "王总您好：称呼收件人",
    sender="lina",
    to=["wangwei"],
    subject="样品已寄出",
    body="王总您好：\n\n样品已经顺丰寄出，单号SF1234567890，明天能到。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "陈静女士：全名加女士称呼收件人",
    sender="lina",
    to=["chenjing"],
    subject="年度合作回顾",
    body="陈静女士，您好！\n\n感谢贵司今年的支持，下周我们去深圳拜访，想约您见面聊一下明年的计划。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "刘洋经理：全名加经理称呼收件人",
    sender="lina",
    to=["liuyang"],
    cc=["chenjing"],
    subject="交期确认",
    body="尊敬的刘洋经理：\n\n您好！贵司订单将于12月10日完成生产，12月12日发货。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "大家好：发给同一客户的两位联系人",
    sender="lina",
    to=["wangwei", "lina_c"],
    subject="春节前最后一船",
    body="大家好：\n\n春节前最后一班船1月30日离港，1月10日之后确认的订单只能节后发货。\n\n" + L,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "内部邮件：讨论客户利润和竞争，只有同事",
    sender="lina",
    to=["zhangmin", "david"],
    subject="上海阳光价格 - 内部讨论",
    body=(
        "刘总、张敏：\n\n上海阳光要求降到0.90元/W，我们成本0.86，利润太低。另外华光电气报价更低。仅限内部，请勿外传。\n\n"
        "丽娜"
    ),
    absent=["sensitive_external", "internal_content_external", "content_mismatch", "rival_exposure"],
)
c.normal(
    "内部同事之间协调工厂和客户订单",
    sender="lina",
    to=["zhangmin"],
    subject="CN-4001 能否月底出货",
    body="张敏：\n\n麻烦跟恒辉光伏确认一下上海阳光CN-4001那批组件能不能月底出货？华光那边也在催同款。\n\n谢谢！丽娜",
    absent=["content_mismatch", "rival_exposure"],
)
c.normal(
    "春节放假通知，所有客户（含竞争客户）在密送",
    sender="lina",
    to=["lina"],
    bcc=["wangwei", "lina_c", "chenjing", "liuyang", "liming", "zhaolei"],
    subject="2027年春节放假通知",
    body="尊敬的客户：\n\n我司春节放假时间为2027年2月5日至2月16日，1月20日前下单的货物节前发出。\n\n" + L,
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "回复带多层引用的往来邮件（含我们同事先前发给客户的邮件）",
    sender="lina",
    to=["liuyang"],
    subject="回复：回复：回复：支架第三批交货",
    body="刘经理：\n\n第三批12月9日装柜，单据快递寄出。\n\n"
    + L
    + foxmail_quote(
        "刘洋 <liuyang@hg-electric.cn>",
        "2026年11月24日 16:40",
        "王丽娜 <lina.wang@acme-trade.example>",
        "回复：回复：支架第三批交货",
        "王经理，第三批能否12月初发？附件是更新后的工地清单。\n刘洋",
    )
    + foxmail_quote(
        "张敏 <zhang.min@acme-trade.example>",
        "2026年11月20日 11:02",
        "刘洋 <liuyang@hg-electric.cn>",
        "回复：支架第三批交货",
        "刘经理您好，第二批已于11月18日发出，第三批价格按原约定36元/套。附件是提单复印件。\n张敏",
    )
    + foxmail_quote(
        "刘洋 <liuyang@hg-electric.cn>",
        "2026年11月12日 09:15",
        "张敏 <zhang.min@acme-trade.example>",
        "支架第三批交货",
        "张经理：请见附件第二、三批交货计划。\n刘洋 | 深圳华光电气有限公司 | 0755-2788 6666",
    ),
    absent=["internal_content_external", "missing_attachment", "content_mismatch"],
)
c.normal(
    "双方签名都很完整（地址、电话、统一社会信用代码）",
    sender="lina",
    to=["lina_c"],
    subject="回复：收货地址变更",
    body="李经理您好：\n\n收到，下一批货送到新仓库。\n\n"
    + L
    + "\n统一社会信用代码：91330212MA2H123456"
    + foxmail_quote(
        "李娜 <lina@sh-sunshine.com.cn>",
        "2026年11月25日 14:05",
        "王丽娜 <lina.wang@acme-trade.example>",
        "收货地址变更",
        "王经理：\n1月起收货地址改为上海市松江区九亭镇涞寅路1号3号库。\n李娜\n"
        "上海阳光新能源有限公司 物流部  电话：021-6488 1235  传真：021-6488 1236",
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "各位好：发给同一工厂的两位联系人",
    sender="zhangmin",
    to=["zhouqiang", "xuyan"],
    subject="1月排产计划",
    body="各位好：\n\n1月份我们预计需要6个柜，具体型号见下，请安排排产。\n550W 4柜，450W 2柜。\n\n" + Z,
    absent=["exposed_recipients", "greeting_mismatch"],
)
c.normal(
    "给货代发客户单据做报关（货代每天处理客户单据）",
    sender="zhangmin",
    to=["yh_docs"],
    cc=["sunli"],
    subject="报关资料 - 上海阳光 CN-4001",
    body="孙经理、单证部：\n\n附件是上海阳光这票的发票和装箱单，请安排报关。\n\n" + Z,
    attachments=[
        ("发票_上海阳光_CN-4001.pdf", "商业发票\n买方：上海阳光新能源有限公司\n金额：USD 184,320.00"),
        ("装箱单_CN-4001.pdf", "装箱单\n收货人：上海阳光新能源有限公司"),
    ],
    absent=["content_mismatch", "exposed_recipients", "missing_attachment"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "竞争客户的PI发给了华光",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="形式发票",
    body="陈经理您好：\n\n附件是PI，请查收并安排预付款。\n\n" + L,
    attachments=[
        (
            "PI_上海阳光_CN-4001-2026-029.pdf",
            pi_text(
                "上海阳光新能源有限公司",
                "上海市闵行区申富路88号",
                "ACME-PI-2026-029",
                "1  550W单晶组件 1240片  单价 506.00元  金额 627,440.00元",
                "627,440.00元",
            ),
        )
    ],
)
c.risky(
    "文件名中性，但PI正文的买方是另一个客户",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["liuyang"],
    subject="PI",
    body="刘经理：\n\n附件是形式发票，请确认。\n\n" + L,
    attachments=[
        (
            "形式发票.pdf",
            pi_text(
                "上海阳光新能源有限公司",
                "上海市闵行区申富路88号",
                "ACME-PI-2026-030",
                "1  逆变器 5kW 120台  单价 3,900.00元  金额 468,000.00元",
                "468,000.00元",
            ),
        )
    ],
)
c.risky(
    "主题里是另一个客户的名称",
    {"content_mismatch": "high"},
    sender="lina",
    to=["wangwei"],
    subject="华光电气 12月订单发货安排",
    body="王总您好：\n\n12月的货计划12月10日装柜，请确认收货时间。\n\n" + L,
)
c.risky(
    "正文向潜在客户透露另一个客户的订单",
    {"content_mismatch": "medium"},
    sender="lina",
    to=["zhaolei"],
    subject="组件库存",
    body="赵工您好：\n\n这款组件很紧俏，上海阳光上周刚下了1240片，我这边最多能给您留500片到周五。\n\n" + L,
)
c.risky(
    "报价单文件名里带另一客户的英文别名（下划线和连字符）",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["zhaolei"],
    subject="报价单",
    body="赵工您好：\n\n附件是报价单，请查收。\n\n" + L,
    attachments=[("报价单-Shanghai_Sunshine-Q1.xlsx", None)],
)
c.risky(
    "客户编号写在附件名里，发给了另一个客户",
    {"content_mismatch": "high"},
    sender="zhangmin",
    to=["liming"],
    subject="装箱照片",
    body="李老板：\n\n附件是装柜照片。\n\n" + Z,
    attachments=[("装柜照片_CN-4002_1208.zip", None)],
)
c.risky(
    "客户域名少了一个字母",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("chenjing@hg-eletric.cn", "陈静")],
    subject="对账单",
    body="陈经理您好：\n\n11月对账单已盖章。\n\n" + L,
)
c.risky(
    "客户域名后缀被改（.com.cn 变成 .com）",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("wangwei@sh-sunshine.com", "王伟")],
    subject="回复：新的收款账户？",
    body="王总：\n\n我们的收款账户没有变化，请以合同为准。\n\n" + L,
)
c.risky(
    "工厂域名后缀被改（.com 变成 .cn）",
    {"lookalike_domain": "high"},
    sender="zhangmin",
    to=[("zhouqiang@henghui-pv.cn", "周强")],
    subject="回复：我司银行账户变更",
    body="周总：\n\n收到贵司账户变更通知，我们财务会核实后再付款。\n\n" + Z,
)
c.risky(
    "Punycode：用西里尔字母е仿冒客户域名",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("liuyang@xn--hg-lectric-msi.cn", "刘洋")],
    subject="回复：付款",
    body="刘经理：\n\n余款请按PI付到我司账户。\n\n" + L,
)
c.risky(
    "地址缺少顶级域名",
    {"invalid_address": "high"},
    sender="lina",
    to=[("wangwei@sh-sunshine", "王伟")],
    subject="发货通知",
    body="王总您好：\n\n货已发出。\n\n" + L,
)
c.risky(
    "中文输入法打出逗号，地址无效",
    {"invalid_address": "high"},
    sender="lina",
    to=[("lina@sh-sunshine,com.cn", "李娜")],
    subject="提单复印件",
    body="李经理您好：\n\n提单出来后第一时间发您。\n\n" + L,
)
c.risky(
    "两个陌生的QQ邮箱买家在收件人里互相可见",
    {"exposed_recipients": "medium"},
    sender="zhangmin",
    to=[("2851234567@qq.com", "张老板"), ("38475621@qq.com", "陈先生")],
    subject="五金报价",
    body="两位老板好：\n\n M16地脚螺栓批发价1.35元/套，量大可谈。\n\n" + Z,
)
c.risky(
    "两个陌生的163邮箱买家在收件人里",
    {"exposed_recipients": "medium"},
    sender="lina",
    to=[("hzsolar_buyer@163.com", "杭州王总"), ("gdpv2026@163.com", "广东刘总")],
    subject="组件现货",
    body="各位老板好：\n\n现有550W组件现货800片，先到先得。\n\n" + L,
)
c.risky(
    "客户和潜在客户同时在收件人里",
    {"exposed_recipients": "medium"},
    sender="lina",
    to=["wangwei", "zhaolei"],
    subject="新品推介",
    body="王总、赵工：\n\n我们新推出600W TOPCon组件，欢迎来宁波参观。\n\n" + L,
)
c.risky(
    "两个竞争客户同时在收件人/抄送里",
    {"rival_exposure": "critical"},
    sender="lina",
    to=["wangwei"],
    cc=["liuyang"],
    subject="经销商大会邀请",
    body="王总、刘经理：\n\n诚邀二位参加12月18日在宁波举办的经销商大会。\n\n" + L,
    absent=["exposed_recipients"],
)
c.risky(
    "竞争对手的业务员被抄送",
    {"competitor_recipient": "high"},
    sender="lina",
    to=["chenjing"],
    cc=["qiancheng"],
    subject="明年框架协议报价",
    body="陈经理您好：\n\n明年框架协议我们报0.90元/W，量大可再议。\n\n" + L,
)
c.risky(
    "已知联系人的名字，但地址是私人邮箱",
    {"contact_mismatch": "high"},
    sender="lina",
    to=[("chenjing.hg@126.com", "陈静")],
    subject="合同",
    body="陈经理您好：\n\n附件是年度合同，请盖章回传。\n\n" + L,
    attachments=[("年度合同_华光电气_2027.pdf", None)],
)
c.risky(
    "曾经误发过的地址（陈静的私人163邮箱）",
    {"known_confusion": "high"},
    sender="lina",
    to=[("chenjing1988@163.com", "陈静")],
    subject="对账单",
    body="陈经理您好：\n\n11月对账单请查收。\n\n" + L,
    attachments=[("对账单_2026-11.xlsx", None)],
)
c.risky(
    "称呼王伟先生，但收件人是陈静",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["chenjing"],
    subject="交期",
    body="王伟先生您好：\n\n贵司订单预计12月12日发货。\n\n" + L,
)
c.risky(
    "称呼刘洋经理，但发给了上海阳光的李娜",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["lina_c"],
    subject="回复：发票",
    body="刘洋经理：\n\n您好！发票已开出，随货寄出。\n\n" + L,
)
c.risky(
    "称呼陈静女士，但收件人是王伟",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["wangwei"],
    subject="拜访安排",
    body="陈静女士，您好！\n\n下周二我们去拜访贵司，方便吗？\n\n" + L,
)
c.risky(
    "向客户透露进货成本和利润",
    {"sensitive_external": "high"},
    sender="lina",
    to=["wangwei"],
    subject="回复：价格",
    body="王总：\n\n真的降不了了，我们的进货成本就是0.86元/W，这单利润只有3分钱。\n\n" + L,
)
c.normal(
    "把我司收款账户发给自己的客户（客户付款用）：提示，不警告",
    sender="zhangmin",
    to=["liming"],
    subject="付款信息",
    body="李老板：\n\n请汇款至：户名 宁波艾克美贸易有限公司，开户行 中国银行宁波分行，账号 3581 5800 1234 5678。\n\n"
    + Z,
)
c.risky(
    "转发内部讨论给客户（内部评论客户）",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["liuyang"],
    subject="转发：华光价格",
    body="刘经理：\n\n价格可以按您说的执行。\n\n"
    + L
    + outlook_quote(
        "zh",
        "刘大为 <david.liu@acme-trade.example>",
        "2026年11月25日 08:12",
        "王丽娜 <lina.wang@acme-trade.example>",
        "华光价格",
        "丽娜：可以降到36元，但不能再低。华光付款一向拖拉，这个客户很难缠，一定要先收预付款。\n刘大为",
    ),
)
c.risky(
    "内部标记没删掉就发给了客户",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="报价",
    body="【内部备注，发送前删除：华光底价36元，利润率控制在8%以上】\n\n陈经理您好：\n\n报价如下。\n\n" + L,
)
c.risky(
    "说附件是报价单，却没有附件",
    {"missing_attachment": "medium"},
    sender="lina",
    to=["zhaolei"],
    subject="报价单",
    body="赵工您好：\n\n附件是报价单，请查收。\n\n" + L,
)
c.risky(
    "说随信附上合同扫描件，却没有附件",
    {"missing_attachment": "medium"},
    sender="zhangmin",
    to=["wugang"],
    subject="采购合同",
    body="吴工：\n\n随信附上采购合同扫描件，请盖章回传。\n\n" + Z,
)
c.risky(
    "第一次发给一个不在通讯录里的新地址",
    {"first_time_recipient": "info"},
    sender="lina",
    to=[("purchase@gd-xinyuan.com", "采购部")],
    subject="产品目录",
    body="您好：\n\n感谢关注，产品目录下载链接：www.acme-trade.example/cat\n\n" + L,
    known=True,
)
c.risky(
    "给同事负责的客户发邮件",
    {"owner_mismatch": "info"},
    sender="zhangmin",
    to=["wangwei"],
    subject="到货时间",
    body="王总您好：\n\n我是采购部张敏，货物预计12月8日到港。\n\n" + Z,
)
c.risky(
    "供应商年会邀请：26家未录入通讯录的工厂地址全在收件人里",
    {"exposed_recipients": "medium"},
    sender="zhangmin",
    to=FACTORIES,
    subject="2027年供应商年会邀请",
    body="各位供应商朋友：\n\n诚邀贵司参加1月15日在宁波举办的供应商年会。\n\n" + Z,
)

# ------------------------------------------------------------------ more normal / risky mail
c.normal(
    "感谢客户发来的附件（对方的附件，不是我们要附的）",
    sender="lina",
    to=["liuyang"],
    subject="回复：采购订单HG-2026-77",
    body="刘经理您好：\n\n感谢您发来的附件订单，我们周一开始生产，预计12月18日发货。\n\n" + L,
    absent=["missing_attachment"],
)
c.risky(
    "培训通知：上海阳光26个门店地址全部在收件人里（同一客户）",
    {"large_audience": "low"},
    sender="lina",
    to=[(f"store{n:02d}@sh-sunshine.com.cn", f"上海阳光门店{n:02d}") for n in range(1, 27)],
    subject="安装培训通知",
    body="各位门店负责人：\n\n12月3日下午举办线上安装培训，请准时参加。\n\n" + L,
    absent=["exposed_recipients"],
)

c.normal(
    "中英双语保密声明（附件/attachments 都出现）",
    sender="lina",
    to=["liuyang"],
    subject="12月排产确认",
    body=("刘经理您好：\n\n12月的排产已确认，12月10日完工。\n\n" + L + "\n\n" + FOOTER["zh"] + "\n" + FOOTER["en"]),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "网易邮箱式引用（在…写道）+ > 引用，客户原文说附件是图纸",
    sender="lina",
    to=["zhaolei"],
    subject="Re:屋顶图纸",
    body="赵工您好：\n\n图纸收到了，工程部正在核算支架用量。\n\n"
    + L
    + gmail_quote(
        '在 2026-11-24 09:12:03，"赵磊" <zhaolei@tfpv.com.cn> 写道：',
        "王经理：\n附件是厂房屋顶图纸和荷载要求，请查收。\n赵磊",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "请客户重发打不开的附件",
    sender="zhangmin",
    to=["liming"],
    subject="回复：发票",
    body="李老板：\n\n您发来的附件打不开，麻烦再发一次。\n\n" + Z,
    absent=["missing_attachment"],
)

c.risky(
    "称呼“王伟总”，但收件人是华光的刘洋",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["liuyang"],
    subject="年底对账",
    body="王伟总：\n\n您好！年底对账单下周发您。\n\n" + L,
)
c.risky(
    "称呼“赵磊工”，但收件人是上海阳光的王伟",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["wangwei"],
    subject="支架方案",
    body="赵磊工，您好：\n\n支架方案已按您的屋顶荷载重新计算。\n\n" + L,
)

c.risky(
    "收款账户发给未核实的陌生地址",
    {"sensitive_external": "high"},
    sender="zhangmin",
    to=[("liming.boss@163.com", "李明")],
    subject="付款信息",
    body="李老板：\n\n请汇款至：户名 宁波艾克美贸易有限公司，开户行 中国银行宁波分行，账号 3581 5800 1234 5678。\n\n"
    + Z,
)

CASES = c.items
