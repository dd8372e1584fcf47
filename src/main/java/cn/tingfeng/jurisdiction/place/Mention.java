package cn.tingfeng.jurisdiction.place;

/** A resolved place mention: the text as written, where, and the meaning chosen. */
public record Mention(String surface, int begin, PlaceRef ref, boolean ambiguous) {
}
