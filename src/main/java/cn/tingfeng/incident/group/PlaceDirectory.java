package cn.tingfeng.incident.group;

/**
 * Where the place names of grouping come from. Declared here and implemented by {@code jurisdiction}, which owns the
 * territories, so that {@code incident} does not depend on the stage after it.
 */
public interface PlaceDirectory {
    /** The jurisdiction's places (name → parent name) with the short forms of county-level names. */
    PlaceSet places();
}
