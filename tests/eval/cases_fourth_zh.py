"""第四批（留出集），中文：另一家外贸公司业务员的写法——微信式短句、QQ 邮箱/Foxmail 引用、全角字符。"""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, Cases, foxmail_quote, pi_text

c = Cases("zh")
L = "祝好！\n丽娜\n——\n王丽娜 | 艾克美贸易 | 手机/微信 139 5740 8866"
LF = L + "\n\n" + FOOTER["zh"]
Z = "谢谢！\n张敏 13757482211"

# ------------------------------------------------------------------ normal mail
c.normal(
    "王总 + 保密声明（提到附件），正文没说附了东西",
    sender="lina",
    to=["wangwei"],
    subject="回复：12月发货安排",
    body="王总您好：\n\n贵司的货已经排产，预计12月8日装柜。有问题随时微信我。\n\n" + LF,
    known=True,
    absent=["missing_attachment"],
)
c.normal(
    "附件稍后发：'合同盖章后再发您'",
    sender="lina",
    to=["chenjing"],
    subject="合同",
    body="陈经理好，\n\n合同还在走盖章流程，盖好章后再发给您，预计周四。\n\n" + L,
    absent=["missing_attachment"],
)
c.normal(
    "真的附了报价单（全角括号文件名），单价给客户——最多 low",
    sender="lina",
    to=["liuyang"],
    subject="报价单（华光电气）",
    body="刘工您好，\n\n附件是本次报价，单价 0.86 元/W 含税。请查收。\n\n" + L,
    attachments=[("报价单（华光电气）2026-11.pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "向客户提到我们的货代远航和工厂恒辉光伏",
    sender="lina",
    to=["wangwei"],
    subject="提货安排",
    body="王伟先生您好：\n\n恒辉光伏那边下周一出货，远航货代会直接联系您仓库约时间。\n\n" + L,
    absent=["content_mismatch"],
)
c.normal(
    "抄送里的李娜女士也被问候",
    sender="lina",
    to=["wangwei"],
    cc=["lina_c"],
    subject="对账单",
    body="王总、李娜女士，你们好：\n\n11月对账单已核对无误。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "QQ 邮箱回复，引用客户原话（客户自己说'附件是我们的订单'、提到他们的利润）",
    sender="zhangmin",
    to=["liming"],
    subject="回复：订单",
    body="李总好，订单收到，明天给您确认交期。\n\n"
    + Z
    + foxmail_quote(
        '"李明"<liming_hardware@qq.com>',
        "2026年11月26日(星期四) 上午9:05",
        '"张敏"<zhang.min@acme-trade.example>',
        "订单",
        "张敏你好，附件是我们的订单，这批利润很薄，价格别再涨了。",
    ),
    absent=["missing_attachment", "sensitive_external", "internal_content_external"],
)
c.normal(
    "向自己的工厂询出厂价（供应商，不算外泄）",
    sender="zhangmin",
    to=["zhouqiang"],
    subject="询价：550W 组件",
    body="周经理您好，\n\n麻烦报一下 550W 组件 5MW 的出厂价和最快交期，我们这边利润空间很小。\n\n" + Z,
    absent=["sensitive_external"],
)
c.normal(
    "公司银行账户发给目录里的客户（low）",
    sender="lina",
    to=["chenjing"],
    subject="尾款账户",
    body="陈经理您好，尾款请汇至：开户行 中国银行宁波分行，账号 3561 0000 1234 5678，户名 宁波艾克美贸易有限公司。\n\n"
    + L,
    known=True,
)
c.normal(
    "内部邮件：成本和利润只在同事之间",
    sender="lina",
    to=["zhangmin"],
    cc=["david"],
    subject="华光电气报价核算",
    body="张敏，\n\n恒辉出厂价 0.71，我们报华光 0.86，毛利大概 12%，你看下运费。\n\n丽娜",
)
c.normal(
    "客户+货代+验货公司三方邮件",
    sender="lina",
    to=["wangwei"],
    cc=["sunli", "kwong"],
    subject="验货及订舱",
    body="王总：\n\n验货安排在12月3日，远航孙丽负责订舱。\n\n" + L,
    absent=["exposed_recipients"],
)
c.normal(
    "刘工 问候，本人在收件人里",
    sender="lina",
    to=["liuyang"],
    subject="支架图纸",
    body="刘工：\n\n图纸已更新，尺寸按您上次说的改了，详见附件。\n\n" + L,
    attachments=[("支架图纸_v3.dwg", None)],
)
c.normal(
    "给潜在客户天府光伏发产品目录",
    sender="lina",
    to=["zhaolei"],
    subject="产品目录",
    body="赵总您好，\n\n随信附上我司 2027 年产品目录，请查阅。\n\n" + L,
    attachments=[("艾克美产品目录2027.pdf", None)],
    known=True,
)
c.normal(
    "群发新品通知，客户全在密送",
    sender="lina",
    to=["sales"],
    bcc=LEADS,
    subject="新品上市通知",
    body="各位客户好，\n\n我司 620W 组件现货供应。\n\n" + L,
    absent=["exposed_recipients", "large_audience"],
)
c.normal(
    "地址大小写混写（ChenJing@HG-Electric.cn），仍是陈静本人",
    sender="lina",
    to=[("ChenJing@HG-Electric.cn", "陈静")],
    subject="发票",
    body="陈经理，增值税发票已寄出，顺丰单号 SF1234567890。\n\n" + L,
    absent=["contact_mismatch", "lookalike_domain", "invalid_address"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "上海阳光的 PI 发给了华光电气（同一竞争组）",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="PI",
    body="陈经理，PI 见附件，请安排定金。\n\n" + L,
    attachments=[("PI_上海阳光_CN2026-077.pdf", None)],
)
c.risky(
    "附件名无客户名，PI 正文写的是上海阳光，发给华光",
    {"content_mismatch": "critical"},
    sender="lina",
    to=["liuyang"],
    subject="形式发票",
    body="刘工，形式发票请查收。\n\n" + L,
    attachments=[
        (
            "PI-CN2026-081.pdf",
            pi_text(
                "上海阳光新能源有限公司", "上海市浦东新区", "CN2026-081", "1 550W 组件 200 块 0.86 元/W", "RMB 94,600"
            ),
        )
    ],
)
c.risky(
    "正文提到另一家客户'上海阳光那边'，发给华光",
    {"content_mismatch": "medium"},
    sender="lina",
    to=["chenjing"],
    subject="交期",
    body="陈经理，这批货本来是给上海阳光的，他们推迟了，可以先给你们。\n\n" + L,
)
c.risky(
    "两家竞争经销商同时在收件人里",
    {"rival_exposure": "critical"},
    sender="lina",
    to=["wangwei", "chenjing"],
    subject="春节放假通知",
    body="各位好，春节放假 2月5日至2月18日。\n\n" + L,
    absent=["exposed_recipients"],
)
c.risky(
    "两个不相干的 QQ/163 邮箱买家同在收件人",
    {"exposed_recipients": "medium"},
    sender="zhangmin",
    to=[("zhaogang_wujin@163.com", "赵刚"), ("523889101@qq.com", "孙老板")],
    subject="五金报价",
    body="两位老板好，报价如下。\n\n" + Z,
)
c.risky(
    "抄送了同行华东光伏",
    {"competitor_recipient": "high"},
    sender="lina",
    to=["wangwei"],
    cc=["qiancheng"],
    subject="报价",
    body="王总，本次报价 0.86 元/W。\n\n" + L,
)
c.risky(
    "域名加了 .com：hg-electric.cn.com",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("chenjing@hg-electric.cn.com", "陈静")],
    subject="定金",
    body="陈经理，定金已收到。\n\n" + L,
)
c.risky(
    "域名少一个字母：sh-sunshne.com.cn",
    {"lookalike_domain": "high"},
    sender="lina",
    to=[("wangwei@sh-sunshne.com.cn", "王伟")],
    subject="合同",
    body="王总，合同请查收。\n\n" + L,
    attachments=[("合同_上海阳光_2027.pdf", None)],
)
c.risky(
    "显示名'陈静'但地址是陌生的 126 邮箱",
    {"contact_mismatch": "high"},
    sender="lina",
    to=[("chen.jing.sz@126.com", "陈静")],
    subject="报价",
    body="陈经理，报价见附件。\n\n" + L,
    attachments=[("报价_华光电气.pdf", None)],
)
c.risky(
    "学到的混淆地址 chenjing1988@163.com",
    {"known_confusion": "high"},
    sender="lina",
    to=[("chenjing1988@163.com", "陈静")],
    subject="付款",
    body="陈经理，请安排付款。\n\n" + L,
)
c.risky(
    "称呼写的是王伟先生，收件人却是华光的刘洋",
    {"greeting_mismatch": "medium"},
    sender="lina",
    to=["liuyang"],
    subject="样品",
    body="王伟先生您好：\n\n样品已寄出。\n\n" + L,
)
c.risky(
    "把进价和利润告诉了客户",
    {"sensitive_external": "high"},
    sender="lina",
    to=["wangwei"],
    subject="价格",
    body="王总，实话说这个价我们拿货就要 0.79，只赚一点点，利润不到 5 个点，真的降不了了。\n\n" + L,
)
c.risky(
    "银行账户发给陌生地址",
    {"sensitive_external": "high"},
    sender="lina",
    to=[("caiwu_hg@sina.com", "财务")],
    subject="收款账户",
    body="您好，收款账户：中国银行宁波分行，账号 3561 0000 1234 5678。\n\n" + L,
)
c.risky(
    "转发了内部讨论（原始邮件里是对客户的评价）",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["chenjing"],
    subject="转发：华光订单",
    body="陈经理，见下，我们可以接。\n\n"
    + L
    + foxmail_quote(
        '"刘大为"<david.liu@acme-trade.example>',
        "2026年11月25日(星期三) 晚上8:10",
        '"王丽娜"<lina.wang@acme-trade.example>',
        "华光订单",
        "丽娜，华光付款一向拖拉，这单必须先收 50% 定金，别让他们知道工厂给了我们返点。",
    ),
)
c.risky(
    "正文有【内部】标注",
    {"internal_content_external": "critical"},
    sender="lina",
    to=["wangwei"],
    subject="交期确认",
    body="王总，交期12月10日。\n\n【内部备注，勿外发】这个客户压价厉害，底价 0.82。\n\n" + L,
)
c.risky(
    "'详见附件' 但没有附件",
    {"missing_attachment": "medium"},
    sender="lina",
    to=["chenjing"],
    subject="装箱单",
    body="陈经理，装箱单已更新，详见附件。\n\n" + L,
)
c.risky(
    "地址里写了两个 @",
    {"invalid_address": "high"},
    sender="lina",
    to=[("wangwei@@sh-sunshine.com.cn", "王伟")],
    subject="对账",
    body="王总，对账单已核对。\n\n" + L,
)
c.risky(
    "新客户第一次来往（给了发信历史）",
    {"first_time_recipient": "info"},
    sender="lina",
    to=[("purchase@xinyuan-solar.com", "黄经理")],
    subject="艾克美贸易 - 公司介绍",
    body="黄经理您好，展会上见过，附件是公司介绍。\n\n" + L,
    attachments=[("公司介绍.pdf", None)],
    known=True,
)
c.risky(
    "张敏写给丽娜负责的客户上海阳光",
    {"owner_mismatch": "info"},
    sender="zhangmin",
    to=["wangwei"],
    subject="五金配件",
    body="王总您好，五金配件现货有。\n\n" + Z,
)
c.risky(
    "30 个潜在客户全部放在收件人里",
    {"large_audience": "low", "exposed_recipients": "medium"},
    sender="lina",
    to=LEADS,
    subject="圣诞问候 / Season's greetings",
    body="Dear friends,\n\n圣诞快乐！Merry Christmas!\n\n" + L,
)

# ------------------------------------------------------------------ more normal mail
c.normal(
    "否定：'这次没有附件，资料下周补发'",
    sender="lina",
    to=["liuyang"],
    subject="资料",
    body="刘工，这次没有附件，认证资料下周补发给您。\n\n" + L,
    absent=["missing_attachment"],
)
c.normal(
    "李娜女士全名+女士称呼，本人在收件人",
    sender="lina",
    to=["lina_c"],
    subject="发票抬头",
    body="李娜女士：\n\n您好！发票抬头已按贵司要求修改。\n\n" + L,
    absent=["greeting_mismatch"],
)
c.normal(
    "赵磊 赵总 称呼，潜在客户，提到我们的合作安装商 Montagebau Keller",
    sender="lina",
    to=["zhaolei"],
    subject="德国项目经验",
    body="赵总好，\n\n我们在德国的项目都是和 Montagebau Keller 一起做的安装，经验比较多。\n\n" + L,
    absent=["content_mismatch"],
)
c.normal(
    "给货代发订舱资料，含单价（货代，例行）",
    sender="lina",
    to=["yh_docs"],
    subject="订舱 - 华光 12 月柜",
    body="单证部好，\n\n附件是华光电气这柜的发票和装箱单，货值 USD 48,200，请安排报关。\n\n" + L,
    attachments=[("CI_PL_华光电气_1208.xlsx", None)],
)
c.normal(
    "客户另一个同公司地址（别名）",
    sender="lina",
    to=[("wang.wei@sh-sunshine.com.cn", "王伟")],
    subject="样品签收",
    body="王总，样品已签收，谢谢。\n\n" + L,
    absent=["contact_mismatch", "lookalike_domain"],
)
c.normal(
    "Foxmail 回复客户，引用客户邮件中'附件为图纸'",
    sender="lina",
    to=["liuyang"],
    subject="回复：支架尺寸",
    body="刘工，收到，我们按图纸生产。\n\n"
    + L
    + foxmail_quote(
        '"刘洋"<liuyang@hg-electric.cn>',
        "2026年11月27日(星期五) 下午2:30",
        '"王丽娜"<lina.wang@acme-trade.example>',
        "支架尺寸",
        "王经理，附件为支架图纸，请按此尺寸生产。",
    ),
    absent=["missing_attachment"],
)

CASES = c.items
for _case in CASES:  # distinct ids beside the other batches: zh-q001 ...
    _case["id"] = _case["id"].replace("zh-", "zh-q", 1)
