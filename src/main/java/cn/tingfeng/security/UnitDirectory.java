package cn.tingfeng.security;

import java.util.Map;
import java.util.Optional;

/**
 * The responsible units a department account can be bound to. Declared here and implemented by {@code jurisdiction},
 * which owns the units, so that {@code security} (used by every stage) does not depend on a stage.
 */
public interface UnitDirectory {
    /** The unit's name; empty when there is no unit with this id. */
    Optional<String> nameOf(Long unitId);

    /** The id of the unit with exactly this name, if any. */
    Optional<Long> idOf(String name);

    /** Every unit's name, by id. */
    Map<Long, String> names();
}
