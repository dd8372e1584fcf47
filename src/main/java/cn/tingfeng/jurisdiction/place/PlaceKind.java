package cn.tingfeng.jurisdiction.place;

/** What a gazetteer name denotes. */
public enum PlaceKind {
    /** The prefecture-level city itself (连云港市, 连云港). */
    CITY,
    /** A generic pointer to "our city" (全市, 市政府): always weak. */
    CITY_MARKER,
    /** A city-level department (连云港市教育局, 市教育局). */
    CITY_BODY,
    /** A city-managed entity (市一院, 连云港港口集团): city level wherever it stands. */
    CITY_ENTITY,
    /** A county-level unit (灌云县, 徐圩新区). */
    TERRITORY,
    /** A township, street, farm or park under a county-level unit. */
    TOWNSHIP,
    /** A landmark, scenic spot, port, island, neighbourhood … inside one county-level unit. */
    PLACE,
    /** A place spanning several county-level units (灌河港区). */
    SHARED,
    /** The province of a loaded jurisdiction named on its own (江苏省). */
    OWN_PROVINCE,
    /** A province or city of China outside every loaded jurisdiction. */
    OUTSIDE,
    /** A place-like word that fixes no territory (花果山大道): absorbs false hits. */
    NEUTRAL;

    public boolean own() {
        return this != OWN_PROVINCE && this != OUTSIDE && this != NEUTRAL;
    }

    /** Mentions that fix a place below county level or a county (not the city as a whole). */
    public boolean local() {
        return this == TERRITORY || this == TOWNSHIP || this == PLACE || this == SHARED;
    }
}
