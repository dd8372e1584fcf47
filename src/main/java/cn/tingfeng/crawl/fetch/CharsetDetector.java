package cn.tingfeng.crawl.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Picks the charset of a fetched body. Declared labels (HTTP header, BOM, meta tag, XML declaration)
 * are only candidates: each candidate is checked against the bytes with a strict decoder and scored by
 * how many of the decoded Chinese characters are common ones, so a page whose header or meta disagrees
 * with its bytes still decodes correctly. GB2312 and GBK labels decode as GB18030 (a superset).
 */
public final class CharsetDetector {

    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5");

    private static final int SAMPLE = 96 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_\\-:.]+)");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_\\-:.]+)");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_\\-:.]+)");

    /** The most frequent Chinese characters; most of them are written the same in simplified and traditional. */
    private static final String COMMON = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵尺"
            + "們來個為時會說對過這國後裡們經麼學現動還進麼樣裡開從實無與長機會關點業將兩間問題熱體們見產種給發當嗎話兒聲員義氣變總電數報結見讓紀記與區隊們計資";
    private static final Set<Character> COMMON_SET = new java.util.HashSet<>();

    static {
        for (char c : COMMON.toCharArray()) {
            COMMON_SET.add(c);
        }
    }

    private CharsetDetector() {
    }

    /** Decodes the body with the detected charset. */
    public static String decode(byte[] body, String contentTypeHeader) {
        Charset cs = detect(body, contentTypeHeader);
        int skip = bomLength(body);
        return new String(body, skip, body.length - skip, cs);
    }

    /** Detects the charset; {@code contentTypeHeader} may be null. Never returns null. */
    public static Charset detect(byte[] body, String contentTypeHeader) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return bom;
        }
        byte[] sample = body.length > SAMPLE ? java.util.Arrays.copyOf(body, SAMPLE) : body;
        boolean truncated = body.length > SAMPLE;
        if (isAscii(sample)) {
            Charset declared = firstSupported(declaredLabels(sample, contentTypeHeader));
            return declared != null ? declared : StandardCharsets.UTF_8;
        }
        if (strictlyValid(sample, StandardCharsets.UTF_8, truncated)) {
            return StandardCharsets.UTF_8; // non-ASCII bytes valid as UTF-8 are almost never anything else
        }
        Set<Charset> candidates = new LinkedHashSet<>();
        for (String label : declaredLabels(sample, contentTypeHeader)) {
            Charset cs = normalise(label);
            if (cs != null) {
                candidates.add(cs);
            }
        }
        Charset guessed = normalise(guess(sample));
        if (guessed != null) {
            candidates.add(guessed);
        }
        candidates.add(GB18030);
        candidates.add(BIG5);
        Charset best = null;
        double bestScore = -1;
        for (Charset cs : candidates) {
            double score = score(sample, cs, truncated);
            if (score > bestScore + 0.02) { // earlier (declared) candidates win ties
                best = cs;
                bestScore = score;
            }
        }
        return best != null ? best : GB18030;
    }

    private static double score(byte[] sample, Charset cs, boolean truncated) {
        String text;
        double penalty = 0;
        try {
            text = strictDecode(sample, cs, truncated);
        } catch (CharacterCodingException e) {
            text = new String(sample, cs);
            long bad = text.chars().filter(c -> c == '\uFFFD').count();
            penalty = 0.5 + Math.min(0.5, bad / 20.0);
        }
        int cjk = 0;
        int common = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u4e00' && c <= '\u9fff') {
                cjk++;
                if (COMMON_SET.contains(c)) {
                    common++;
                }
            }
        }
        double ratio = cjk == 0 ? 0.3 : (double) common / cjk;
        return ratio - penalty;
    }

    static List<String> declaredLabels(byte[] sample, String contentTypeHeader) {
        List<String> labels = new ArrayList<>();
        if (contentTypeHeader != null) {
            Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
            if (m.find()) {
                labels.add(m.group(1));
            }
        }
        String head = new String(sample, 0, Math.min(sample.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher x = XML_ENCODING.matcher(head);
        if (x.find()) {
            labels.add(x.group(1));
        }
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** Maps a label to the charset used to decode it: GB2312/GBK/x-gbk/cp936 → GB18030, big5 variants → Big5. */
    public static Charset normalise(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312": case "gbk": case "x-gbk": case "cp936": case "gb_2312-80": case "euc-cn":
            case "gb18030": case "hz-gb-2312": case "windows-936": case "ms936":
                return GB18030;
            case "big5": case "big5-hkscs": case "x-euc-tw": case "cp950": case "windows-950":
                return BIG5;
            case "utf8":
                return StandardCharsets.UTF_8;
            default:
                try {
                    return Charset.forName(l);
                } catch (RuntimeException e) {
                    return null;
                }
        }
    }

    private static Charset firstSupported(List<String> labels) {
        for (String l : labels) {
            Charset cs = normalise(l);
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    private static String guess(byte[] sample) {
        UniversalDetector d = new UniversalDetector(null);
        d.handleData(sample, 0, sample.length);
        d.dataEnd();
        return d.getDetectedCharset();
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyValid(byte[] b, Charset cs, boolean truncated) {
        try {
            strictDecode(b, cs, truncated);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String strictDecode(byte[] b, Charset cs, boolean truncated) throws CharacterCodingException {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate((int) (b.length * (double) dec.maxCharsPerByte()) + 16);
        var result = dec.decode(in, out, true);
        if (result.isError()) {
            // a multi-byte sequence cut by the sample boundary is not an error
            if (!(truncated && in.remaining() <= 4)) {
                result.throwException();
            }
        }
        out.flip();
        return out.toString();
    }

    private static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }
}
