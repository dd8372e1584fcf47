package cn.tingfeng.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostStoreTest {
    @Singleton
    static class Recorder {
        final List<PostCollected> events = new CopyOnWriteArrayList<>();

        void on(@Observes PostCollected e) {
            events.add(e);
        }
    }

    @Inject
    PostStore store;
    @Inject
    PostRepository posts;
    @Inject
    Recorder recorder;

    private PostStore.Incoming incoming(String url, String title, String body) {
        return new PostStore.Incoming(null, url, title, body, "连云港发布", Instant.parse("2026-11-20T08:00:00Z"), "web",
                Map.of("likes", 12L));
    }

    @Test
    void oneUrlIsOnePostWhateverTheTrackingParameters() {
        var first = store.store(incoming("https://news.example.cn/a/1.html?utm_source=wx", "标题", "正文一段。"));
        var again = store.store(incoming("http://news.example.cn/a/1.html?spm=x#top", "标题", "正文一段。"));
        assertThat(first.outcome()).isEqualTo(PostStore.Outcome.NEW);
        assertThat(again.outcome()).isEqualTo(PostStore.Outcome.UNCHANGED);
        assertThat(again.postId()).isEqualTo(first.postId());
    }

    @Test
    void aChangedPageUpdatesThePostAndKeepsTheEarlierVersion() {
        int before = recorder.events.size();
        var first = store.store(incoming("https://news.example.cn/a/2.html", "原标题", "原来的正文。"));
        var changed = store.store(incoming("https://news.example.cn/a/2.html", "新标题", "修改后的正文。"));
        assertThat(changed.outcome()).isEqualTo(PostStore.Outcome.UPDATED);
        assertThat(versions(first.postId())).containsExactly("1:原标题:原来的正文。");
        assertThat(current(first.postId())).isEqualTo("2:新标题:修改后的正文。");
        assertThat(recorder.events.subList(before, recorder.events.size())).extracting(PostCollected::change)
                .containsExactly(PostCollected.Change.NEW, PostCollected.Change.UPDATED);
    }

    @Test
    void aVanishedPageIsMarkedDeletedAndKept() {
        var first = store.store(incoming("https://bbs.example.cn/t/3", "帖子", "网友反映的问题。"));
        assertThat(store.markDeleted("https://bbs.example.cn/t/3?from=timeline")).isTrue();
        assertThat(status(first.postId())).isEqualTo("deleted:网友反映的问题。");
        assertThat(store.markDeleted("https://bbs.example.cn/t/never-seen")).isFalse();
    }

    @Transactional
    List<String> versions(Long postId) {
        return posts.getEntityManager()
                .createQuery("select v from PostVersion v where v.post.id = ?1 order by v.versionNo", PostVersion.class)
                .setParameter(1, postId).getResultList().stream()
                .map(v -> v.versionNo + ":" + v.title + ":" + v.body).toList();
    }

    @Transactional
    String current(Long postId) {
        Post p = posts.findById(postId);
        return p.versionNo + ":" + p.title + ":" + p.body;
    }

    @Transactional
    String status(Long postId) {
        Post p = posts.findById(postId);
        return p.status + ":" + p.body;
    }
}
