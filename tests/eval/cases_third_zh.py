"""第三批，中文：HTML 邮件、中英混写、拼音收件人名、会议邀请、自动回复、压缩包和扫描件、长线程。"""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, foxmail_quote, quote_text
from tests.eval.common_third import LEADS40, outlook_html

c = Cases("zh")
L = SIG["lina"]
LINA_ROWS = [
    "<b>王丽娜 Lina Wang</b> | 外贸业务经理",
    "宁波艾克美贸易有限公司 ACME Trade Co., Ltd.",
    "浙江省宁波市鄞州区中山东路188号环球贸易中心B座18楼",
    "电话：0574-8765 4322 | 手机/微信：139 5740 8866",
]

# ------------------------------------------------------------------ normal mail
c.normal(
    "Outlook HTML 邮件，签名在表格里，保密声明在灰色 <span> 里（提到附件）",
    sender="lina",
    to=["wangwei"],
    subject="SS-2026-118 订单生产进度",
    fmt="html",
    body=outlook_html(
        "王总您好：\n\n贵司SS-2026-118订单的组件已于今天开始生产，预计12月10日完成，届时安排验货。",
        LINA_ROWS,
        FOOTER["zh"],
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "报价单文件名 '报价单-上海阳光-20261129.xlsx'，发给上海阳光",
    sender="lina",
    to=["wangwei"],
    subject="报价单 550W 单晶组件",
    body="王总您好！\n\n附件是550W单晶组件的报价单，含税价，有效期15天，请查收。\n\n" + L,
    attachments=[
        (
            "报价单-上海阳光-20261129.xlsx",
            quote_text(
                "上海阳光新能源有限公司", "王伟", "Q-2026-1129", "ACM-550M 550W 单晶  2,480 块  1.02 元/W", "含税到厂"
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "收件人显示名是拼音 'Wang Wei'，地址正确，正文称呼 '王总'",
    sender="lina",
    to=[("wangwei@sh-sunshine.com.cn", "Wang Wei")],
    subject="Re: 发货时间",
    body="王总好，\n\n货已经装柜，明天上午发车，预计周四到上海仓库。\n\n" + L,
    absent=["contact_mismatch", "greeting_mismatch"],
)
c.normal(
    "显示名 '陈静 (Chen Jing) - 华光电气'，地址大小写混合 ChenJing@HG-Electric.cn",
    sender="lina",
    to=[("ChenJing@HG-Electric.cn", "陈静 (Chen Jing) - 华光电气")],
    subject="对账单 11月",
    body="陈经理您好：\n\n11月对账单请见附件，如有出入请告知。\n\n" + L,
    attachments=[("对账单-华光电气-2026年11月.xlsx", None)],
    absent=["contact_mismatch", "lookalike_domain", "content_mismatch"],
)
c.normal(
    "客户用邮件子域名 mail.sh-sunshine.com.cn 的地址",
    sender="lina",
    to=[("caigou@mail.sh-sunshine.com.cn", "上海阳光 采购部")],
    subject="Re: 询价 支架",
    body="您好！\n\n支架的价格下周一给您，工厂还在核算镀锌成本。\n\n" + L,
    absent=["lookalike_domain"],
)
c.normal(
    "自动回复（休假中），发给QQ邮箱的老客户李明（通讯录里的联系人）",
    sender="zhangmin",
    to=["liming"],
    subject="自动回复: 回复: 五金配件补货",
    body="您好，我正在休年假，12月3日回来，期间邮件回复可能不及时。急事请联系王丽娜 lina.wang@acme-trade.example，电话 0574-8765 4322。\n\n张敏",
    absent=["greeting_mismatch", "missing_attachment"],
)
c.normal(
    "腾讯会议邀请，发给华光电气的两位联系人，附 .ics",
    sender="lina",
    to=["chenjing", "liuyang"],
    subject="会议邀请：2027年度合作沟通 2026/12/04 14:00-15:00",
    body=(
        "王丽娜 邀请您参加腾讯会议\n会议主题：2027年度合作沟通\n会议时间：2026/12/04 14:00-15:00 (GMT+08:00) 中国标准时间 - 北京\n\n"
        "点击链接入会，或添加至会议列表：\nhttps://meeting.tencent.com/dm/8Xq2Lz9\n\n#腾讯会议：512-338-907"
    ),
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "装柜照片 IMG_2034.jpg 等随信附上",
    sender="lina",
    to=["wangwei"],
    subject="装柜照片 SS-2026-118",
    body="王总：\n\n附件是今天的装柜照片（IMG_2034-IMG_2036），共两个40HQ，请查看。\n\n" + L,
    attachments=[("IMG_2034.jpg", None), ("IMG_2035.jpg", None), ("IMG_2036.jpg", None)],
    absent=["missing_attachment"],
)
c.normal(
    "出货资料压缩包以客户命名，客户和我们的货代单证部在同一封邮件",
    sender="lina",
    to=["wangwei"],
    cc=["yh_docs"],
    subject="出货资料 SS-2026-118",
    body="王总、远航单证部：\n\n出货资料（箱单、发票、报关资料）打包在附件压缩包里，请查收。\n\n" + L,
    attachments=[("出货资料-上海阳光-SS2026118.zip", None)],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "称呼了抄送里的李娜（产品决定：正常）",
    sender="lina",
    to=["wangwei"],
    cc=["lina_c"],
    subject="12月排产计划",
    body="王总、李娜你好：\n\n12月的排产计划如下：第一周 2x40HQ，第三周 3x40HQ。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "收款账户发给通讯录里的QQ邮箱客户（客户付款用）：最多 low",
    sender="zhangmin",
    to=["liming"],
    subject="货款 CN-4003 11月",
    body=(
        "李老板您好：\n\n11月货款共计 ¥38,600，请汇到以下账户：\n户名：宁波艾克美贸易有限公司\n开户行：中国银行宁波鄞州支行\n"
        "账号：3587 6021 1120 0088\n\n" + SIG["zhangmin"]
    ),
)
c.normal(
    "新品推送：一个客户在收件人，40个潜在客户和其他客户（含竞争经销商）全部密送",
    sender="lina",
    to=["wangwei"],
    bcc=[*LEADS40, "chenjing", "zhaolei"],
    subject="【新品】600W TOPCon 组件现货供应",
    body="各位客户好：\n\n600W TOPCon 组件现已有现货，12月订货可享受老价格。\n\n" + L,
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "全大写英文主题带收件人自己的客户编号，中英混写",
    sender="lina",
    to=["wangwei"],
    subject="RE: PI NO. SS-2026-118 / CN-4001 - DEPOSIT RECEIVED",
    body="王总，定金已收到，thanks！我们马上安排生产，预计 ETD 12月15日。\n\n" + L,
    absent=["content_mismatch"],
)
c.normal(
    "在客户原邮件（Foxmail 引用）上方回复，客户原文说附件是水单",
    sender="lina",
    to=["chenjing"],
    subject="回复：HG-2026-052 付款",
    body=(
        "陈经理，水单收到了，谢谢！我们安排发货。\n\n"
        + L
        + foxmail_quote(
            '"陈静"<chenjing@hg-electric.cn>',
            "2026年11月27日(星期五) 下午3:12",
            '"王丽娜"<lina.wang@acme-trade.example>',
            "HG-2026-052 付款",
            "丽娜：\n附件是尾款水单，请查收并尽快安排发货。\n陈静",
        )
    ),
    absent=["missing_attachment"],
)
c.normal(
    "中国业务员写英文邮件给潜在客户，签名是中文",
    sender="lina",
    to=["zhaolei"],
    subject="Datasheet 550W mono",
    body=(
        "Dear Mr. Zhao,\n\nAs you requested, the 550W datasheet is attached. Any question pls let me know.\n\n"
        "此致\n王丽娜 Lina Wang\n宁波艾克美贸易有限公司"
    ),
    attachments=[("ACM-550M_Datasheet_EN.pdf", None)],
    absent=["missing_attachment"],
)
c.normal(
    "客户和货代，货代用分公司子域名地址",
    sender="lina",
    to=["chenjing"],
    cc=[("shenzhen@branch.yh-freight.com", "远航货代 深圳分公司")],
    subject="HG-2026-052 提货安排",
    body="陈经理、远航深圳：\n\n货到深圳后请直接联系陈经理约提货时间。\n\n" + L,
    absent=["exposed_recipients", "lookalike_domain"],
)
c.normal(
    "把客户的PI（以上海阳光命名）发给我们自己的工厂安排生产（供应商每天处理客户资料：最多 info）",
    sender="lina",
    to=["zhouqiang"],
    subject="排产：上海阳光 2x40HQ",
    body="周总：\n\n附件是上海阳光的PI，请按PI上的规格和唛头安排生产，12月10日前完成。\n\n" + L,
    attachments=[("PI-上海阳光-SS2026118.pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "客户联系人李娜（显示名拼音 'Li Na'）和我们的业务员王丽娜 Lina 同名",
    sender="lina",
    to=[("lina@sh-sunshine.com.cn", "Li Na")],
    subject="Re: 唛头确认",
    body="李娜您好：\n\n唛头按您的要求改好了，外箱印“SS-2026-118 / SHANGHAI”。\n\n" + L,
    absent=["contact_mismatch", "greeting_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "报价单 '报价单-上海阳光-20261129.xlsx' 发给竞争经销商华光电气",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="报价单",
    body="陈经理您好：\n\n附件是最新报价单，请查收。\n\n" + L,
    attachments=[("报价单-上海阳光-20261129.xlsx", None)],
)
c.risky(
    "显示名 '王伟 Wang Wei'，但域名 .com 代替 .com.cn",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("wangwei@sh-sunshine.com", "王伟 Wang Wei")],
    subject="定金账户",
    body="王总好，PI 已盖章，请安排定金。\n\n" + L,
)
c.risky(
    "沿用旧邮件线程回复华光：较早的引用是和上海阳光关于其PI的往来",
    {"content_mismatch": "medium"},
    sender="lina",
    to=["chenjing"],
    subject="回复：交期",
    body=(
        "陈经理，您的订单交期确认为12月20日。\n\n"
        + L
        + foxmail_quote(
            '"王丽娜"<lina.wang@acme-trade.example>',
            "2026年11月26日(星期四) 上午9:40",
            '"王伟"<wangwei@sh-sunshine.com.cn>',
            "回复：交期",
            "王总：\nPI SS-2026-118（两个40HQ，总价 ¥1,265,000）本周生产完，12月15日发货。\n丽娜",
        )
        + foxmail_quote(
            '"王伟"<wangwei@sh-sunshine.com.cn>',
            "2026年11月25日(星期三) 下午4:02",
            '"王丽娜"<lina.wang@acme-trade.example>',
            "交期",
            "丽娜，我们的PI SS-2026-118 交期能不能提前？\n王伟\n上海阳光新能源有限公司",
        )
    ),
)
c.risky(
    "内部域名打错（acme-trad.example），抄送张敏",
    {"lookalike_domain": "high"},
    sender="lina",
    to=["wangwei"],
    cc=[("zhang.min@acme-trad.example", "张敏")],
    subject="支架补货",
    body="王总：支架补货的事我抄送给采购张敏跟进。\n\n" + L,
)
c.risky(
    "'陈静，你好！' 但邮件发给上海阳光的王伟",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["wangwei"],
    subject="样品",
    body="陈静，你好！\n\n样品已经寄出，顺丰单号 SF1234567890。\n\n" + L,
)
c.risky(
    "括号里对客户的内部评论留在了发给客户的邮件里",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["zhaolei"],
    subject="报价 550W",
    body="赵工您好：\n\n（备注给张敏：这个客户很会压价，底价不要低于0.95元/W）\n\n我们的报价是1.02元/W，含税到工地。\n\n"
    + L,
)
c.risky(
    "把进货价和利润点告诉潜在客户（口语说法）",
    {"sensitive_external": "high"},
    sender="lina",
    to=["zhaolei"],
    subject="回复：价格",
    body="赵工，说实话我们从工厂的进货价就是0.93元/W，这单只赚3个点，真的没法再降了。\n\n" + L,
)
c.risky(
    "'附上PI，请盖章回传' 但没有附件",
    {"missing_attachment": "medium"},
    sender="lina",
    to=["wangwei"],
    subject="PI SS-2026-121",
    body="王总：\n\n附上新订单的PI，请盖章回传，谢谢！\n\n" + L,
)
c.risky(
    "两个陌生买家（126.com 和 sina.com）在收件人里互相可见",
    {"exposed_recipients": "medium"},
    sender="lina",
    to=[("zhanghua_solar@126.com", "张华"), ("pv_liu2020@sina.com", "刘总")],
    subject="光伏组件报价",
    body="两位老板好：\n\n550W单晶组件报价1.05元/W，含税。\n\n" + L,
)
c.risky(
    "会议邀请把两家竞争经销商都放在收件人",
    {"rival_exposure": "critical"},
    sender="lina",
    to=["wangwei", "chenjing"],
    subject="会议邀请：2027年价格政策说明会",
    body="王丽娜 邀请您参加腾讯会议\n会议主题：2027年价格政策说明会\n#腾讯会议：512-338-907",
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "竞争对手的地址大小写混合放在密送",
    {"competitor_recipient": "high"},
    sender="lina",
    to=["zhaolei"],
    bcc=[("QianCheng@HD-PVExport.com", "钱程")],
    subject="报价",
    body="赵工，报价见正文：1.02元/W。\n\n" + L,
)
c.risky(
    "'账户变更' 通知发给陌生公司域名",
    {"sensitive_external": "high"},
    sender="lina",
    to=[("finance@sunshine-newenergy.cn", "财务部")],
    subject="我司收款账户变更通知",
    body="您好：\n\n即日起我司收款账户变更为：\n户名：宁波艾克美贸易有限公司\n开户行：招商银行宁波分行\n账号：5749 0312 8860 001\n\n"
    + L,
)
c.risky(
    "以华光电气命名的出货资料压缩包发给上海阳光",
    {"content_mismatch": "high"},
    sender="lina",
    to=["wangwei"],
    subject="出货资料",
    body="王总，出货资料在附件压缩包里。\n\n" + L,
    attachments=[("华光电气-出货资料-HG2026052.zip", None)],
)
c.risky(
    "地址里用了中文句号（sh-sunshine。com.cn）",
    {"invalid_address": "high"},
    sender="lina",
    to=[("wangwei@sh-sunshine。com.cn", "王伟")],
    subject="发货通知",
    body="王总，货已发出。\n\n" + L,
)
c.risky(
    "显示名 '陈静'（华光电气的联系人），地址却是上海阳光的",
    {"contact_mismatch": "high"},
    sender="lina",
    to=[("chenjing@sh-sunshine.com.cn", "陈静")],
    subject="对账单",
    body="陈经理您好：\n\n11月对账单内容如下：发货3批，合计 ¥862,400。\n\n" + L,
)
c.risky(
    "没有域名的客户（小李五金）的PI发给上海阳光",
    {"content_mismatch": "critical"},
    sender="zhangmin",
    to=["wangwei"],
    subject="PI",
    body="王总您好，PI见附件。\n\n" + SIG["zhangmin"],
    attachments=[("PI-小李五金-2026-031.pdf", None)],
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first two batches: zh-t001 ...
    _case["id"] = _case["id"].replace("zh-", "zh-t", 1)
