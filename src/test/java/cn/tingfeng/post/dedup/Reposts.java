package cn.tingfeng.post.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generic repost edits: sentences dropped, characters changed, a byline added, other page furniture around. */
final class Reposts {

    private Reposts() {
    }

    static String repost(String text, String otherPage, Random rnd) {
        String[] sentences = text.split("(?<=[。！？!?])");
        List<String> kept = new ArrayList<>();
        for (String s : sentences) {
            int r = rnd.nextInt(100);
            if (r < 8 && sentences.length > 3 && s.length() < 300) {
                continue; // dropped sentence
            }
            if (r < 20 && s.length() > 4) {
                StringBuilder b = new StringBuilder(s);
                int at = rnd.nextInt(s.length());
                b.setCharAt(at, '的'); // typo or rewording
                s = b.toString();
            }
            kept.add(s);
        }
        int furniture = Math.min(200, otherPage.length() / 4);
        String head = otherPage.substring(0, furniture);
        String tail = otherPage.substring(otherPage.length() - furniture);
        return head + " 转载自网络 " + String.join("", kept) + " （责任编辑：王某）" + tail;
    }
}
