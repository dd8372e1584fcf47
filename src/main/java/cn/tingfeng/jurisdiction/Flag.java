package cn.tingfeng.jurisdiction;

/** Points an analyst must look at; the proposal is still made where possible. */
public enum Flag {
    /** Only places outside the loaded jurisdictions named: no assignment. */
    OUTSIDE_JURISDICTION,
    /** No place found at all: no assignment. */
    NO_PLACE,
    /** A place name shared by several units could not be settled by context. */
    AMBIGUOUS_PLACE,
    /** Several departments with no clear lead: the government office should name one. */
    LEAD_UNCLEAR,
    /** No duty words found: the competent department is unknown. */
    NO_DUTY,
    /** Grade I or II: propaganda and cyberspace office informed. */
    MAJOR_IMPACT
}
