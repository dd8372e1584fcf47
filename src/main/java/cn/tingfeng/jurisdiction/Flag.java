package cn.tingfeng.jurisdiction;

/** Points an analyst must look at; the proposal is still made where possible. */
public enum Flag {
    /**
     * Only places outside the loaded jurisdictions named. When the title names another city or province the
     * post is that place's matter (no lead, the duties are still ranked); otherwise (the province, or another
     * city only in the background) the duty is proposed at city level with {@link #TERRITORY_UNCONFIRMED}.
     */
    OUTSIDE_JURISDICTION,
    /** No place found at all: the duty is still proposed at city level, territory to be confirmed. */
    NO_PLACE,
    /** The lead is the city-level department of the competent category; the territory is 待核实 (to be confirmed). */
    TERRITORY_UNCONFIRMED,
    /** A place name shared by several units could not be settled by context. */
    AMBIGUOUS_PLACE,
    /** Several departments with no clear lead: the government office should name one. */
    LEAD_UNCLEAR,
    /** No duty words found: the competent department is unknown. */
    NO_DUTY,
    /** Grade I or II: propaganda and cyberspace office informed. */
    MAJOR_IMPACT
}
