package cn.tingfeng.audit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainTest {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
    static final CheckpointSigner SIGNER = new CheckpointSigner("k1", KEYS.getPrivate());
    static final CheckpointVerifier CHECKPOINTS = new CheckpointVerifier(Map.of("k1", KEYS.getPublic()));

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        AuditEntry prev = null;
        for (int i = 1; i <= n; i++) {
            prev = HashChain.append(prev, T0.plus(Duration.ofMinutes(i)), "analyst", "assignment.acknowledged",
                    "assignment", String.valueOf(100 + i), Map.of("unit", "海州区教育局", "n", i));
            out.add(prev);
        }
        return out;
    }

    static AuditEntry withPayload(AuditEntry e, Map<String, Object> payload) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), payload, e.prevHash(), e.hash());
    }

    static AuditEntry withSeq(AuditEntry e, long seq) {
        return new AuditEntry(seq, e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.payload(), e.prevHash(), e.hash());
    }

    /** Re-links and re-hashes every row from index {@code from}: what an insider with DB access could do. */
    static List<AuditEntry> rehashFrom(List<AuditEntry> rows, int from) {
        List<AuditEntry> out = new ArrayList<>(rows.subList(0, from));
        for (int i = from; i < rows.size(); i++) {
            AuditEntry e = rows.get(i);
            String prev = i == 0 ? HashChain.GENESIS : out.get(i - 1).hash();
            out.add(HashChain.withHash(new AuditEntry(i + 1, e.at(), e.actor(), e.action(), e.subjectType(),
                    e.subjectId(), e.payload(), prev, null)));
        }
        return out;
    }

    @Test
    void intactChainVerifies() {
        VerificationResult r = ChainVerifier.verify(chain(20));
        assertThat(r).isEqualTo(VerificationResult.ok(20));
        assertThat(chain(3).get(0).prevHash()).isEqualTo(HashChain.GENESIS);
        assertThat(chain(3).get(2).hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void modifiedRowIsCaughtAtItsSeq() {
        List<AuditEntry> rows = new ArrayList<>(chain(20));
        rows.set(6, withPayload(rows.get(6), Map.of("unit", "海州区教育局", "n", 700)));
        VerificationResult r = ChainVerifier.verify(rows);
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBroken()).isEqualTo(7L);
        assertThat(r.reason()).contains("被修改");
    }

    @Test
    void modifiedAndRehashedRowBreaksTheLinkOfTheNextRow() {
        List<AuditEntry> rows = new ArrayList<>(chain(20));
        rows.set(6, HashChain.withHash(withPayload(rows.get(6), Map.of("n", 700))));
        assertThat(ChainVerifier.verify(rows).firstBroken()).isEqualTo(8L);
    }

    @Test
    void deletedRowIsCaughtAtItsSeq() {
        List<AuditEntry> rows = new ArrayList<>(chain(20));
        rows.remove(6);
        VerificationResult r = ChainVerifier.verify(rows);
        assertThat(r.firstBroken()).isEqualTo(7L);
        assertThat(r.reason()).contains("缺失");
        // deleting and renumbering the rest: the link of the row now at 7 fails
        List<AuditEntry> renumbered = new ArrayList<>(rows.subList(0, 6));
        for (int i = 6; i < rows.size(); i++) renumbered.add(withSeq(rows.get(i), i + 1));
        assertThat(ChainVerifier.verify(renumbered).firstBroken()).isEqualTo(7L);
    }

    @Test
    void insertedRowIsCaughtWhereItSits() {
        List<AuditEntry> rows = chain(20);
        AuditEntry forged = new AuditEntry(7, T0.plusSeconds(401), "admin", "assignment.closed", "assignment", "107",
                Map.of(), rows.get(5).hash(), "f".repeat(64));
        List<AuditEntry> naive = new ArrayList<>(rows.subList(0, 6));
        naive.add(forged);
        for (int i = 6; i < rows.size(); i++) naive.add(withSeq(rows.get(i), i + 2));
        assertThat(ChainVerifier.verify(naive).firstBroken()).isEqualTo(7L);

        // a forged row with a valid hash of its own: the original row 7 (now 8) no longer links to it
        List<AuditEntry> clever = new ArrayList<>(naive);
        clever.set(6, HashChain.withHash(forged));
        assertThat(ChainVerifier.verify(clever).firstBroken()).isEqualTo(8L);

        // a duplicate seq without renumbering
        List<AuditEntry> dup = new ArrayList<>(rows.subList(0, 7));
        dup.add(HashChain.withHash(forged));
        dup.addAll(rows.subList(7, 20));
        VerificationResult r = ChainVerifier.verify(dup);
        assertThat(r.firstBroken()).isEqualTo(8L);
        assertThat(r.reason()).contains("重复");
    }

    @Test
    void reorderedRowsAreCaughtAtTheFirstDisplacedSeq() {
        List<AuditEntry> rows = new ArrayList<>(chain(20));
        AuditEntry a = rows.get(6);
        rows.set(6, rows.get(7));
        rows.set(7, a);
        assertThat(ChainVerifier.verify(rows).firstBroken()).isEqualTo(7L);
        // contents swapped but seq numbers kept in order
        List<AuditEntry> swapped = new ArrayList<>(chain(20));
        AuditEntry s7 = swapped.get(6);
        AuditEntry s8 = swapped.get(7);
        swapped.set(6, withSeq(s8, 7));
        swapped.set(7, withSeq(s7, 8));
        assertThat(ChainVerifier.verify(swapped).firstBroken()).isEqualTo(7L);
    }

    @Test
    void fullRewriteWithValidHashesPassesTheChainButFailsTheCheckpoints() {
        List<AuditEntry> rows = chain(20);
        List<Checkpoint> cps = List.of(SIGNER.sign(rows.get(4), T0.plusSeconds(3600)),
                SIGNER.sign(rows.get(9), T0.plusSeconds(7200)), SIGNER.sign(rows.get(14), T0.plusSeconds(9000)));
        assertThat(CHECKPOINTS.verifyAll(rows, cps)).isEqualTo(VerificationResult.ok(20));

        List<AuditEntry> tampered = new ArrayList<>(rows);
        tampered.set(0, withPayload(tampered.get(0), Map.of("unit", "另一个单位", "n", 1)));
        List<AuditEntry> rewritten = rehashFrom(tampered, 0);
        assertThat(ChainVerifier.verify(rewritten).ok()).isTrue();
        VerificationResult r = CHECKPOINTS.verifyAll(rewritten, cps);
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBroken()).isEqualTo(1L);
        assertThat(r.reason()).contains("检查点");

        // rewrite from seq 12: checkpoints 5 and 10 still match, 15 does not → nothing after 10 is vouched for
        List<AuditEntry> late = new ArrayList<>(rows);
        late.set(11, withPayload(late.get(11), Map.of("n", 1200)));
        assertThat(CHECKPOINTS.verifyAll(rehashFrom(late, 11), cps).firstBroken()).isEqualTo(11L);
    }

    @Test
    void truncationBeforeACheckpointAndForgedCheckpointsAreCaught() {
        List<AuditEntry> rows = chain(20);
        List<Checkpoint> cps = List.of(SIGNER.sign(rows.get(9), T0), SIGNER.sign(rows.get(17), T0));
        VerificationResult cut = CHECKPOINTS.verifyAll(rows.subList(0, 15), cps);
        assertThat(cut.ok()).isFalse();
        assertThat(cut.firstBroken()).isEqualTo(11L);
        assertThat(cut.reason()).contains("截断");

        Checkpoint good = cps.get(0);
        Checkpoint forged = new Checkpoint(good.seq(), "a".repeat(64), good.at(), good.keyId(), good.signature());
        assertThat(CHECKPOINTS.signatureValid(good)).isTrue();
        assertThat(CHECKPOINTS.signatureValid(forged)).isFalse();
        assertThat(CHECKPOINTS.verify(rows, List.of(forged)).reason()).contains("签名无效");
        KeyPair other = CheckpointSigner.generateKeyPair();
        Checkpoint otherKey = new CheckpointSigner("k1", other.getPrivate()).sign(rows.get(9), T0);
        assertThat(CHECKPOINTS.signatureValid(otherKey)).isFalse();
    }

    @Test
    void keysRoundTripThroughTheirConfiguredBase64Form() {
        var priv = CheckpointSigner.privateKey(CheckpointSigner.encode(KEYS.getPrivate()));
        var pub = CheckpointSigner.publicKey(CheckpointSigner.encode(KEYS.getPublic()));
        Checkpoint cp = new CheckpointSigner("k2", priv).sign(7, "b".repeat(64), T0);
        assertThat(new CheckpointVerifier(Map.of("k2", pub)).signatureValid(cp)).isTrue();
        assertThat(cp.toJsonLine()).startsWith("{\"at\":\"2026-11-21T08:00:00.000000Z\",\"headHash\"");
        assertThatThrownBy(() -> CheckpointSigner.publicKey("not a key")).hasMessageContaining("公钥");
    }

    @Test
    void canonicalJsonSortsKeysAndFormatsValuesStably() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", java.util.Arrays.asList(1, new BigDecimal("1.50"), new BigDecimal("1E+2"), true, null));
        m.put("a", Map.of("z", "引号\"\\\n\u0001", "y", Instant.parse("2026-11-21T08:00:00.123Z")));
        m.put("c", LocalDate.of(2026, 2, 14));
        assertThat(CanonicalJson.write(m)).isEqualTo(
                "{\"a\":{\"y\":\"2026-11-21T08:00:00.123000Z\",\"z\":\"引号\\\"\\\\\\n\\u0001\"},"
                        + "\"b\":[1,1.5,100,true,null],\"c\":\"2026-02-14\"}");
        assertThat(CanonicalJson.write("\ud800x")).isEqualTo("\"\\ud800x\"");
        assertThat(CanonicalJson.write("😀")).isEqualTo("\"😀\"");
        assertThatThrownBy(() -> CanonicalJson.write(1.5d)).hasMessageContaining("浮点");
        assertThatThrownBy(() -> CanonicalJson.write(Instant.parse("2026-11-21T08:00:00.123456789Z"))).hasMessageContaining("微秒");
        record R(String x, int a) {
        }
        assertThat(CanonicalJson.write(new R("v", 1))).isEqualTo("{\"a\":1,\"x\":\"v\"}");
    }

    @Test
    void appendTruncatesTimesToMicrosecondsSoDatabaseRoundTripsKeepTheHash() {
        AuditEntry e = HashChain.append(null, Instant.parse("2026-11-21T08:00:00.123456789Z"), "a", "x", "t", "1", Map.of());
        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-21T08:00:00.123456Z"));
        assertThat(ChainVerifier.verify(List.of(e)).ok()).isTrue();
    }
}
