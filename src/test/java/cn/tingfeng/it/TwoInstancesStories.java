package cn.tingfeng.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Invented local news stories for {@link TwoInstancesPostgresIT}, each one a different happening both for the incident
 * grouper and for de-duplication; deterministic (story {@code n} is the same in every run).
 * <ul>
 * <li>Place: exactly one township of 连云港 (real names, {@code src/main/resources/jurisdiction/lianyungang.yaml});
 * stories of different county-level units conflict on the place, so the grouper never joins them.</li>
 * <li>Kind: exactly one kind of happening (one trigger family of {@code EventTypes}); different kinds conflict too. No
 * two stories share a (township, kind).</li>
 * <li>Stories of one county and one kind (the only ones the grouper could join) use different event sentences
 * ({@code variant}) and different sentences around them, so that their text similarity stays far below the grouper's
 * minimum of 0.3.</li>
 * <li>Stories that share an event sentence (same kind and variant, other counties) share none of the sentences around
 * it, so that MinHash (which knows no places and kinds) finds no near-duplicate among them.</li>
 * </ul>
 * Checked once without instances, with {@code IncidentGrouper} (HanLP features) and {@code Deduplicator} over the places
 * of lianyungang.yaml, the 400 stories of the test (20 decoys) and the 200 reposts, fed in one sequence: 380
 * incidents, each original with its repost; every repost found as the near-duplicate of its original (similarity at
 * least 0.89) and no other pair (largest Jaccard between two stories 0.31, threshold 0.5); the largest text similarity
 * of two stories the grouper could join 0.16.
 */
final class TwoInstancesStories {
    /** One story; {@code decoy}: written without "连云港", so the test plan does not match it. */
    record Story(int n, String township, String county, String kind, int variant, String title, String body, boolean decoy) {
        /** The same story reposted elsewhere: lightly edited text, same title. */
        String repostBody() {
            return "转载：" + body + "（来源：网络）";
        }
    }

    /**
     * Township-level names by the county-level unit that administers them (as the jurisdiction file says). Only names
     * that HanLP does not split into a generic "place" of its own: 街道 (every "…街道"), 开发区, 口镇 (青口镇, 三口镇,
     * 山左口镇), 河镇 (图河镇, 石梁河镇) are such places, found by its place recognition beside the gazetteer's, and a place
     * two posts share makes them agree on the place although their townships lie in different counties; stories there
     * could be grouped although they are not about one happening.
     */
    static final Map<String, List<String>> TOWNSHIPS = new LinkedHashMap<>();

    static {
        TOWNSHIPS.put("海州区", List.of("锦屏镇", "新坝镇", "板浦镇", "浦南镇", "岗埠农场", "云台农场", "南云台林场"));
        TOWNSHIPS.put("东海县", List.of("白塔埠镇", "黄川镇", "青湖镇", "温泉镇", "双店镇", "桃林镇", "洪庄镇", "安峰镇", "房山镇",
                "平明镇", "曲阳镇", "驼峰乡", "李埝乡", "石湖乡", "张湾乡"));
        TOWNSHIPS.put("赣榆区", List.of("柘汪镇", "石桥镇", "金山镇", "黑林镇", "厉庄镇", "海头镇", "塔山镇", "赣马镇", "班庄镇",
                "城头镇", "城西镇", "宋庄镇", "沙河镇", "墩尚镇"));
        TOWNSHIPS.put("灌云县", List.of("伊山镇", "杨集镇", "燕尾港镇", "同兴镇", "四队镇", "圩丰镇", "龙苴镇", "下车镇", "东王集镇",
                "小伊镇", "南岗镇", "灌西盐场", "灌云临港产业区"));
        TOWNSHIPS.put("灌南县", List.of("新安镇", "堆沟港镇", "田楼镇", "北陈集镇", "张店镇", "孟兴庄镇", "汤沟镇", "百禄镇", "新集镇",
                "李集镇"));
        TOWNSHIPS.put("连云区", List.of("前三岛乡"));
        TOWNSHIPS.put("徐圩新区", List.of("东辛农场"));
        TOWNSHIPS.put("连云港经济技术开发区", List.of("青口盐场"));
    }

    static final int VARIANTS = 5;

    /** Kind of happening (EventTypes key) → VARIANTS × {title, event sentence}; {t} is the township, {m} a figure. */
    static final Map<String, String[][]> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("fire", new String[][] {
                {"{t}一处仓库凌晨起火", "{t}一处堆放纸箱的仓库突然起火，火苗从屋顶窜出，消防救援人员赶到后约{m}分钟将明火扑灭。"},
                {"{t}居民楼发生火灾", "{t}一栋六层居民楼的顶层发生火灾，楼道里弥漫着呛人的气味，住户们用湿毛巾捂住口鼻有序撤离。"},
                {"{t}电动车棚着火", "{t}某小区的电动车棚着火，{m}辆电动自行车被烧成空壳，物业人员用灭火器进行了初步扑救。"},
                {"{t}一家面馆失火", "{t}街边一家面馆失火，店主称可能是油锅温度过高引起，所幸食客及时撤离，店内桌椅损失严重。"},
                {"{t}山坡出现火情", "{t}附近一处山坡出现火情，枯草和灌木成片过火，护林员和村民组成的扑火队连夜奋战。"}});
        EVENTS.put("explosion", new String[][] {
                {"{t}一餐馆液化气钢瓶爆炸", "{t}一家小餐馆内的液化气钢瓶发生爆炸，玻璃门窗被震碎，飞溅的碎片砸坏了路边停放的{m}辆汽车。"},
                {"{t}木材厂锅炉爆炸", "{t}一家木材加工厂的锅炉发生爆炸，厂房东侧墙体被掀开一个缺口，工人们说当时正在交接班。"},
                {"{t}民房厨房发生爆燃", "{t}一户民房厨房内发生爆燃，房门被冲开，户主被紧急送往医院，邻居家的窗户也被震坏。"},
                {"{t}烟花仓储点闪爆", "{t}一处非法储存烟花爆竹的仓储点发生闪爆，附近{m}户人家的玻璃受损，警方已控制相关责任人。"},
                {"{t}一企业反应釜爆炸", "{t}园区内一家企业的反应釜发生爆炸，车间顶棚被掀翻，应急管理部门连夜派出专家组赶赴现场。"}});
        EVENTS.put("leak", new String[][] {
                {"{t}一冷库氨气泄漏", "{t}一家水产冷库发生氨气泄漏，周边居民被紧急疏散到附近学校操场，疏散范围约{m}米。"},
                {"{t}燃气管道被挖断泄漏", "{t}一条地下燃气管道被施工挖断后发生泄漏，燃气公司抢修人员关闭阀门，沿街商户暂停营业。"},
                {"{t}槽罐车阀门泄漏", "{t}境内一辆运输化学品的槽罐车阀门松动发生泄漏，地上流淌着淡黄色液体，该路段临时封闭。"},
                {"{t}工厂被指泄露毒气", "{t}一家工厂被附近村民指称泄露毒气，村民称夜间常感到头晕，环保部门已到厂区取样检测。"},
                {"{t}学校实验室试剂泄漏", "{t}一所学校化学实验室的试剂柜发生泄漏，{m}名师生被有序转移，专业人员穿戴防护服进入处置。"}});
        EVENTS.put("collapse", new String[][] {
                {"{t}主干道突然塌陷", "{t}一条主干道突然塌陷，形成一个直径约{m}米的深坑，一辆路过的三轮车差点掉进去。"},
                {"{t}幼儿园旁围墙倒塌", "{t}一所幼儿园旁的老旧围墙倒塌，砖块散落在人行道上，幸好当时是夜里没有行人经过。"},
                {"{t}在建楼盘基坑坍塌", "{t}一处在建楼盘的基坑边坡坍塌，两名工人被埋，经过救援人员三个多小时挖掘后被救出。"},
                {"{t}山路发生塌方", "{t}通往山里的公路发生塌方，碎石堆满了整条路，附近{m}个村子的村民出行受阻。"},
                {"{t}危房屋顶垮塌", "{t}一间闲置多年的危房屋顶垮塌，房梁压坏了隔壁人家的院墙，村委会随即排查周边同类房屋。"}});
        EVENTS.put("traffic", new String[][] {
                {"{t}渣土车与轿车相撞", "{t}一个十字路口，一辆渣土车与一辆小轿车相撞，轿车车头严重变形，驾驶员被卡在车内。"},
                {"{t}满载石子货车侧翻", "{t}境内一辆满载石子的大货车在转弯时侧翻，石子倾泻而下，将路边一间修车铺的门面砸毁。"},
                {"{t}国道多车追尾", "{t}一段国道上发生多车追尾，前后共有{m}辆车卷入，交警到场后对该路段实行单向通行。"},
                {"{t}电动车与公交车发生交通事故", "{t}一辆电动车与一辆公交车发生交通事故，骑车的中年男子头部着地，被路人拨打急救电话送医。"},
                {"{t}小学门口学生被撞倒", "{t}一所小学门口，一名放学的学生被一辆倒车的面包车撞倒，家长们随即要求校门口增设护栏。"}});
        EVENTS.put("drowning", new String[][] {
                {"{t}少年河边玩耍溺水", "{t}一名{m}岁少年在河边玩耍时溺水，同伴呼救后，附近钓鱼的村民跳下河将其救起。"},
                {"{t}男子骑车不慎落水身亡", "{t}一名男子夜间骑车经过水渠时不慎落水，次日清晨被早起的村民发现时已无生命体征。"},
                {"{t}鱼塘发生溺亡事件", "{t}一处鱼塘发生溺亡事件，一名老人下塘收网时滑倒，家属质疑鱼塘边没有任何警示标志。"},
                {"{t}两名游客下海溺水", "{t}一处海滩有两名外地游客下海游泳时溺水，救生员划着皮艇将二人救上岸。"},
                {"{t}女童在水塘边落水", "{t}一名四岁女童在自家门前水塘边落水，母亲发现后大声呼救，邻居用竹竿把孩子拉了上来。"}});
        EVENTS.put("wages", new String[][] {
                {"{t}工地农民工讨薪", "{t}一处工地的{m}余名农民工手举纸板讨薪，称包工头已有半年多没有结算。"},
                {"{t}服装厂被指欠薪", "{t}一家服装厂被员工指欠薪三个月，老板一直避而不见，厂门口贴着停产的告示。"},
                {"{t}保洁员反映被拖欠工资", "{t}{m}名环卫保洁员反映被劳务公司拖欠工资，每人少则几千元、多则上万元。"},
                {"{t}饭店服务员讨要工钱", "{t}一家倒闭饭店的服务员们四处讨要工钱，老板的电话始终无人接听。"},
                {"{t}装修工人称年底未发工资", "{t}一个装修项目的工人称到了年底仍未发工资，项目方则表示款项卡在总包单位。"}});
        EVENTS.put("pollution", new String[][] {
                {"{t}河道疑遭企业偷排", "{t}一条河道出现大片白色泡沫，村民怀疑上游有企业夜间偷排，河里的鱼大量死亡。"},
                {"{t}拆迁工地扬尘严重", "{t}一处拆迁工地扬尘严重，周边小区的阳台和车辆上落满灰土，施工方没有采取任何覆盖措施。"},
                {"{t}垃圾中转站臭味熏人", "{t}一座垃圾中转站臭味熏人，附近居民夏天不敢开窗，{m}次投诉后仍未解决。"},
                {"{t}养殖场粪水污染沟渠", "{t}一家生猪养殖场的粪水直接流入沟渠，村民担心地下井水受到污染。"},
                {"{t}铸造厂烟囱冒黑烟", "{t}一家小型铸造厂的烟囱经常冒黑烟，附近学校的老师说上课时都能闻到焦糊味。"}});
        EVENTS.put("food", new String[][] {
                {"{t}中学生疑似食物中毒", "{t}一所中学的{m}名学生午饭后出现呕吐腹泻，疑似食物中毒，已被送往医院观察。"},
                {"{t}超市售卖过期食品", "{t}一家超市被顾客发现售卖过期食品，货架上的酸奶和面包已超过保质期{m}天。"},
                {"{t}外卖盒饭吃出蟑螂", "{t}一名上班族点的外卖盒饭里吃出一只蟑螂，商家起初拒绝退款，经平台介入后才道歉。"},
                {"{t}熟食店卤肉变质", "{t}一家熟食店出售的卤肉被顾客发现已经变质发酸，店员却坚称是当天新做的。"},
                {"{t}网红饭店食品安全遭质疑", "{t}一家网红饭店的食品安全问题被食客曝光，视频中可以看到食材直接堆放在地面上。"}});
        EVENTS.put("violence", new String[][] {
                {"{t}夜市烧烤摊发生斗殴", "{t}一处夜市烧烤摊发生斗殴，两伙年轻人酒后互相推搡，有人抄起啤酒瓶砸向对方。"},
                {"{t}网约车司机遭乘客殴打", "{t}一名网约车司机因路线问题与乘客发生争执，随后遭到乘客殴打，面部多处淤青。"},
                {"{t}男子持刀闯入邻居家", "{t}一名男子因邻里纠纷持刀闯入邻居家中，民警接警后{m}分钟内赶到，将其当场制服。"},
                {"{t}校园霸凌视频引关注", "{t}一段校园霸凌视频在网上流传，画面中几名初中生将一名同学逼到墙角推搡辱骂。"},
                {"{t}商场保安被指打人", "{t}一家商场的保安被顾客指控打人，起因是顾客拒绝出示购物小票。"}});
        EVENTS.put("building", new String[][] {
                {"{t}新小区墙面开裂", "{t}一个刚入住的小区，{m}户业主发现墙面出现裂缝，最宽处能塞进一枚硬币。"},
                {"{t}楼顶违建遭邻居投诉", "{t}一栋住宅楼的顶层住户在楼顶搭建违建阳光房，楼下邻居多次向物业投诉。"},
                {"{t}楼盘逾期一年未交房", "{t}一个楼盘的购房者称，合同约定的交房日期已过去一年，工地上却迟迟不见动工。"},
                {"{t}老小区顶楼漏水", "{t}一个老小区的顶楼住户反映家里漏水严重，每逢下雨就要拿盆接水。"},
                {"{t}烂尾楼多年无人问津", "{t}一处停工多年的烂尾楼成了流浪动物的栖身地，已付款的购房者至今维权无果。"}});
        EVENTS.put("price", new String[][] {
                {"{t}景区停车场被指乱收费", "{t}一处景区附近的停车场被游客指乱收费，停车不到两小时被收取{m}元。"},
                {"{t}外地乘客称遭司机宰客", "{t}有外地乘客称遭出租车司机宰客，不到五公里的路程被要求支付{m}元。"},
                {"{t}农贸市场蔬菜涨价", "{t}一家农贸市场的蔬菜价格一周内明显涨价，部分摊主称是进货成本增加。"},
                {"{t}花生收购商联合压价", "{t}种植户反映今年的花生收购商联合压价，每斤比去年低了{m}角钱。"},
                {"{t}海鲜排档天价账单引争议", "{t}一家海鲜排档被食客曝光天价账单，一盘炒虾蛄结账时被要求支付近千元。"}});
        EVENTS.put("overload", new String[][] {
                {"{t}接送学生面包车超载", "{t}交警在路检中拦下一辆接送学生的面包车，核载七人的车内挤了{m}名孩子，属于严重超载。"},
                {"{t}内河渡船长期超员", "{t}一条内河渡口的渡船被群众举报长期超员，早晚高峰时船上挤满了人和自行车。"},
                {"{t}运砂货车超载通行", "{t}多辆运砂货车长期超载通行，村民说原本平整的水泥路被压出一道道车辙。"},
                {"{t}农用三轮拉十几名赶集老人", "{t}一辆农用三轮载着十几名赶集的老人，明显超载，车斗上的人随着颠簸东倒西歪。"},
                {"{t}旅游大巴超员被查", "{t}一辆旅游大巴在高速出口被查出超员，五十三座的车内坐了{m}名游客。"}});
        EVENTS.put("weather", new String[][] {
                {"{t}暴雨过后农田被淹", "{t}昨夜一场暴雨过后，大片农田被淹，种植户蹚着齐膝深的水抢收蔬菜。"},
                {"{t}小区道路严重内涝", "{t}一个小区的道路出现严重内涝，地下车库进水，{m}辆私家车泡在水里。"},
                {"{t}大风刮倒户外广告牌", "{t}午后突起大风，一块巨大的户外广告牌被刮倒，砸中了停在路边的一辆轿车。"},
                {"{t}冰雹砸坏蔬菜大棚", "{t}遭遇罕见冰雹，核桃大小的冰粒砸穿了{m}个蔬菜大棚的塑料膜。"},
                {"{t}暴雪过后公路积雪", "{t}一场暴雪让乡间公路积雪盈尺，清雪车辆连夜作业，不少村民被阻在外无法回家。"}});
        EVENTS.put("disease", new String[][] {
                {"{t}麦田出现大面积病害", "{t}大面积麦田出现病害，麦穗发白枯萎，农户担心今年减产严重。"},
                {"{t}幼儿园出现手足口病疫情", "{t}一所幼儿园出现手足口病疫情，已有{m}名幼儿确诊，园方宣布停课一周并全面消毒。"},
                {"{t}养羊场羊群接连发病", "{t}一家养羊场的羊群接连发病，养殖户说几天内已死了{m}只。"},
                {"{t}小学班级流感传染", "{t}一所小学的一个班级出现流感传染，半数学生发烧请假。"},
                {"{t}诊所处理伤口后感染", "{t}一名患者在诊所处理伤口后出现感染，家属与诊所就责任问题争执不下。"}});
        EVENTS.put("breakdown", new String[][] {
                {"{t}多个小区突然停水", "{t}多个小区突然停水，自来水公司称是主管道爆裂所致，居民只能到临时供水点接水。"},
                {"{t}居民区突发停电", "{t}一片居民区突发停电长达{m}小时，正值高温天气，不少老人只能到楼下乘凉。"},
                {"{t}电梯卡在两层之间", "{t}一个小区的电梯在运行中突然卡在两层之间，三名居民被困近一个小时。"},
                {"{t}一条公交线路突然停运", "{t}一条连接镇区和县城的公交线路突然停运，沿线村民上班上学十分不便。"},
                {"{t}新建小区连续停气", "{t}一个新建小区连续{m}天停气，住户们只能用电磁炉做饭，燃气公司迟迟未给说法。"}});
        EVENTS.put("fraud", new String[][] {
                {"{t}老人疑遭保健品诈骗", "{t}{m}名老人反映参加所谓健康讲座后被骗购买高价保健品，怀疑遭遇诈骗。"},
                {"{t}投资公司涉嫌非法集资", "{t}一家投资公司以高额回报为诱饵吸收村民资金，涉嫌非法集资，负责人已联系不上。"},
                {"{t}健身房老板跑路", "{t}一家健身房突然关门，老板跑路，上百名会员的预付卡无法使用。"},
                {"{t}理财平台爆雷", "{t}不少居民投资的一个理财平台爆雷，有人投入了全部积蓄，至今分文未取回。"},
                {"{t}装修公司收首付款后卷款", "{t}一家装修公司收取{m}户业主的首付款后卷款消失，店面已人去楼空。"}});
        EVENTS.put("gathering", new String[][] {
                {"{t}村民因征地补偿堵路", "{t}{m}名村民因征地补偿问题在村口堵路，要求与开发商当面协商。"},
                {"{t}业主售楼处前拉横幅", "{t}一个小区的业主在售楼处门前拉横幅，抗议开发商擅自更改小区规划。"},
                {"{t}市场商户门口静坐", "{t}农贸市场的几十户商户在市场门口静坐，反对管理方大幅提高摊位费。"},
                {"{t}拆迁户在政府门口聚集", "{t}部分拆迁户在镇政府门口聚集，反映安置房迟迟未能兑现。"},
                {"{t}家长结伴上访反映招生划片", "{t}上百名学生家长结伴上访，对学校突然更改招生划片表示不满，要求教育部门说明依据。"}});
        EVENTS.put("road", new String[][] {
                {"{t}市场门前道路坑洼不平", "{t}一条通往农贸市场的道路坑洼不平，骑车买菜的老人经常在这里摔跤。"},
                {"{t}主街路面破损多年", "{t}主街的路面破损已有{m}年，大大小小的坑连成一片，过往车辆只能绕行。"},
                {"{t}一段土路雨天泥泞难行", "{t}一段连接两个村子的道路至今仍是土路，一下雨就泥泞难行，孩子上学要穿着雨靴走两公里。"},
                {"{t}桥面道路破损露筋", "{t}一座桥的桥面道路破损严重，钢筋已裸露在外，居民担心存在安全隐患。"},
                {"{t}新铺柏油马路不到一年就破", "{t}去年秋天才完工的一段柏油马路，如今多处坑洼积水，沿街住户质疑施工方偷工减料。"}});
    }

    /**
     * The sentences around the event, picked per story from pools that know nothing of the kind: when and who told
     * (with the city: the test plan matches "连云港"), a witness, a response, a reaction. Two stories share few of
     * them, so that no story reads like a repost of another (MinHash de-duplication is blind to places and kinds).
     */
    static final String[] WHEN = {"{d}日凌晨", "{d}日清晨", "{d}日上午", "{d}日中午", "{d}日下午", "{d}日傍晚", "{d}日晚间",
            "{d}日深夜", "本月{d}日", "{d}日一早", "{d}日午后", "{d}日夜里", "{d}日黄昏", "{d}日早高峰时段"};
    static final String[] WHO = {"网友“{nick}”在连云港本地论坛发帖称", "连云港市民{sur}先生拨打热线反映", "据连云港一位{role}向本报爆料",
            "连云港网友在短视频平台发布视频称", "多名连云港居民在微信群中转发消息称", "记者从连云港市相关部门了解到", "连云港一家自媒体发文称",
            "有连云港读者致电报社反映", "连云港市民{sur}女士在微博上发文称", "一位在连云港工作的{role}留言称", "连云港本地新闻客户端收到爆料称",
            "有连云港网友在问政平台留言称", "有连云港居民向社区反映后又在网上发帖称", "连云港一位业主在小区业主交流群发消息称"};
    static final String[] WITNESSES = {"一位姓{sur}的居民说，他在附近住了{n}年，头一回碰到这种事。", "现场有人估算，前后围观的有{n}人左右。",
            "据爆料人介绍，类似情况此前已反映过{n}次。", "附近一家小卖部的店主回忆，当时大约是{h}点{n}分。", "有目击者称，{n}名路人曾上前帮忙。",
            "知情人士透露，涉及的住户大概有{k}户。", "视频时长约{n}秒，画面有些晃动。", "一名{role}表示，自己经过时已有不少人在拍照。",
            "爆料人说，他当天给相关热线打了{n}个电话。", "据说最早发现的是一位晨练的老人。", "周边一位商户说，事情已经持续了{n}天。",
            "住在对面楼的{sur}阿姨说，动静持续了十几分钟。", "一位路过的{role}说，他绕了好大一圈才过去。", "有住户称，前一天晚上就察觉到了苗头。"};
    static final String[] RESPONSES = {"目前，属地已安排工作人员到场处置。", "{t}有关负责人表示，已成立专班跟进。",
            "相关部门称将尽快查明原因并公布结果。", "记者发稿时，善后工作仍在进行。", "社区干部已上门了解情况。", "当地派出所民警已介入调查。",
            "涉事单位负责人暂未回应记者的采访。", "热线工作人员表示已将情况转交属地办理。", "{t}工作人员称，正在核实具体情况。",
            "有关方面表示会在调查清楚后给出答复。", "{t}回复网友称，相关情况已在处理中。", "有关单位已派人到现场查看。",
            "记者多次拨打涉事方电话，均无人接听。", "当地已组织人员逐户走访。"};
    static final String[] REACTIONS = {"不少网友留言，希望早日给出说法。", "评论区有人说类似问题并不罕见。", "该帖转发量已超过{k}次。",
            "一些居民担心此事影响日常生活。", "也有网友呼吁理性看待，等待官方通报。", "有网友建议相关方面加强日常巡查。",
            "网友“{nick2}”评论称，这事早该有人管了。", "相关话题在本地论坛的浏览量已破万。", "有人在评论区补充了更多现场照片。",
            "多名网友表示会持续关注后续进展。", "有网友晒出了自己拍到的画面。", "不少人在帖子下方留言打听进展。",
            "有网友认为这类问题需要建立长效机制。", "也有人提醒大家注意安全。"};
    static final String[] ROLES = {"出租车司机", "社区网格员", "快递员", "退休教师", "个体商户", "外卖骑手", "保安", "公交司机"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
            "林", "何", "郭", "马", "罗"};
    static final String[] NICKS = {"海风", "小海豚", "追风少年", "夜猫子", "老顽童", "橘子汽水", "晴天", "路人甲", "青柠", "半夏"};

    private TwoInstancesStories() {
    }

    /**
     * The first {@code count} stories of the one sequence (so stories of two calls with different ranges never share a
     * township and kind); every {@code decoyEvery}-th story of the range (0: none) is a decoy.
     */
    static List<Story> range(int from, int count, int decoyEvery) {
        List<Story> all = sequence(from + count);
        List<Story> out = new ArrayList<>(count);
        for (Story s : all.subList(from, from + count)) {
            boolean decoy = decoyEvery > 0 && (s.n() - from) % decoyEvery == decoyEvery - 1;
            out.add(decoy ? decoy(s) : s);
        }
        return out;
    }

    private static Story decoy(Story s) {
        return new Story(s.n(), s.township(), s.county(), s.kind(), s.variant(), s.title(),
                s.body().replace("连云港市民", "本地市民").replace("连云港市", "本市").replace("连云港", "本地"), true);
    }

    /** Counties in turn (a county's share of (county, kind) pairs stays small), townships in turn within each. */
    private static List<Story> sequence(int count) {
        List<String> counties = new ArrayList<>(TOWNSHIPS.keySet());
        List<String> kinds = new ArrayList<>(EVENTS.keySet());
        Map<String, Integer> perCountyKind = new HashMap<>();
        Map<String, Integer> perTown = new HashMap<>();
        List<int[]> picks = new ArrayList<>();
        Set<String> townKind = new HashSet<>();
        List<Story> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Story story = null;
            for (int c = 0; c < counties.size() && story == null; c++) {
                String county = counties.get((n + c) % counties.size());
                List<String> towns = new ArrayList<>(TOWNSHIPS.get(county));
                towns.sort(java.util.Comparator.comparingInt(t -> perTown.getOrDefault(t, 0)));
                for (String town : towns) {
                    String chosen = null;
                    int best = VARIANTS;
                    for (int k = 0; k < kinds.size(); k++) {
                        String kind = kinds.get((n * 7 + k) % kinds.size());
                        int used = perCountyKind.getOrDefault(county + "/" + kind, 0);
                        if (!townKind.contains(town + "/" + kind) && used < best) {
                            best = used;
                            chosen = kind;
                        }
                    }
                    if (chosen != null) {
                        townKind.add(town + "/" + chosen);
                        perCountyKind.merge(county + "/" + chosen, 1, Integer::sum);
                        perTown.merge(town, 1, Integer::sum);
                        List<int[]> taken = new ArrayList<>();
                        for (int e = 0; e < out.size(); e++) {
                            Story earlier = out.get(e);
                            if (earlier.kind().equals(chosen)
                                    && (earlier.variant() == best || earlier.county().equals(county))) {
                                taken.add(picks.get(e));
                            }
                        }
                        int[] mine = new int[POOLS.length];
                        story = write(n, town, county, chosen, best, taken, mine);
                        picks.add(mine);
                        break;
                    }
                }
            }
            if (story == null) {
                throw new IllegalStateException("no township and kind left for story " + n);
            }
            out.add(story);
        }
        return out;
    }

    /** The pools of the sentences around the event, in body order. */
    static final String[][] POOLS = {WHEN, WHO, WITNESSES, RESPONSES, REACTIONS};

    /**
     * Writes story {@code n} as variant {@code v} of its kind's event; {@code taken}: the sentences (index per pool) of
     * the earlier stories it could be confused with (same kind and variant: same event sentence; same county and kind:
     * the grouper compares their texts), which it avoids.
     */
    private static Story write(int n, String township, String county, String kind, int v, List<int[]> taken, int[] picks) {
        Random r = new Random(0x5EED_0000L + n * 7919L);
        String[] ev = EVENTS.get(kind)[v];
        Map<String, String> slots = Map.of("{t}", township, "{m}", String.valueOf(3 + r.nextInt(40)),
                "{d}", String.valueOf(1 + r.nextInt(28)), "{h}", String.valueOf(r.nextInt(24)),
                "{role}", ROLES[r.nextInt(ROLES.length)], "{sur}", SURNAMES[r.nextInt(SURNAMES.length)],
                "{n}", String.valueOf(2 + r.nextInt(60)), "{k}", String.valueOf(100 + r.nextInt(900)),
                "{nick}", NICKS[r.nextInt(NICKS.length)] + (10 + r.nextInt(90)),
                "{nick2}", NICKS[r.nextInt(NICKS.length)] + (100 + r.nextInt(900)));
        for (int p = 0; p < POOLS.length; p++) {
            int size = POOLS[p].length;
            int start = r.nextInt(size);
            int best = start;
            int bestUses = Integer.MAX_VALUE;
            for (int i = 0; i < size && bestUses > 0; i++) {
                int candidate = (start + i) % size;
                int uses = 0;
                for (int[] t : taken) {
                    uses += t[p] == candidate ? 1 : 0;
                }
                if (uses < bestUses) {
                    best = candidate;
                    bestUses = uses;
                }
            }
            picks[p] = best;
        }
        String title = fill(ev[0], slots);
        String body = fill(WHEN[picks[0]] + "，" + WHO[picks[1]] + "，" + ev[1] + WITNESSES[picks[2]] + RESPONSES[picks[3]]
                + REACTIONS[picks[4]], slots);
        return new Story(n, township, county, kind, v, title, body, false);
    }

    private static String fill(String template, Map<String, String> slots) {
        String s = template;
        for (Map.Entry<String, String> e : slots.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
