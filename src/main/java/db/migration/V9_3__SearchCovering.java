package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Search over a large archive (issue 12, docs/search.md "Speed"): {@code post_term} carries the post's
 * {@code published_at}, so that ranking (weight, then newest) and the date filter are answered from the term table
 * alone, without visiting {@code post}. On PostgreSQL the primary key becomes a covering index
 * ({@code include (weight, published_at)}): the posting list of a term is then read by an index-only scan, and the
 * AND of several terms is a merge join of such scans. Its visibility map is kept fresh by a lower insert threshold
 * for autovacuum (index-only scans need it). H2 has no {@code include}; it keeps the plain key.
 */
public class V9_3__SearchCovering extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table post_term add column published_at timestamp with time zone");
            s.execute("update post_term t set published_at = (select p.published_at from post p where p.id = t.post_id)");
            if (product.contains("postgres")) {
                s.execute("alter table post_term drop constraint post_term_pkey");
                s.execute("alter table post_term add constraint post_term_pkey primary key (term, post_id) include (weight, published_at)");
                s.execute("alter table post_term set (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.02)");
            }
        }
    }
}
