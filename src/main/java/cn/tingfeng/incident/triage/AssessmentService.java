package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.incident.assess.CategoryClassifier;
import cn.tingfeng.incident.assess.ExtractiveSummarizer;
import cn.tingfeng.incident.assess.GradingThresholds;
import cn.tingfeng.incident.assess.Heat;
import cn.tingfeng.incident.assess.IncidentGrader;
import cn.tingfeng.incident.assess.Sentiment;
import cn.tingfeng.incident.assess.SentimentAnalyzer;
import cn.tingfeng.incident.assess.Spread;
import cn.tingfeng.incident.assess.SpreadPost;
import cn.tingfeng.incident.grade.CasualtyAssessment;
import cn.tingfeng.incident.grade.CasualtyGrading;
import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes an incident's assessment from its posts: extractive summary, sentiment, Art. 18 category, grade with
 * its reason (casualties read from the posts, spread, category), spread counts and the rising flag. An analyst's
 * grade is kept. Returns what changed that may deserve an alert.
 */
@ApplicationScoped
public class AssessmentService {
    /** Posts (most recent first) whose text feeds summary, sentiment and category. */
    static final int TEXT_POSTS = 30;
    static final int TEXT_CHARS = 4000;

    public record Change(Grade before, Grade after, boolean risingStarted) {
        public boolean gradeUp() {
            return after != null && (before == null ? false : after.ordinal() < before.ordinal());
        }
    }

    @Inject
    IncidentPosts incidentPosts;
    @Inject
    Clock clock;

    private final SentimentAnalyzer sentiment = SentimentAnalyzer.shipped();
    private final CategoryClassifier categories = CategoryClassifier.shipped();
    private final CasualtyGrading casualties = new CasualtyGrading();
    private final IncidentGrader grader = new IncidentGrader(GradingThresholds.defaults());
    private final Heat.Config heatConfig = Heat.Config.defaults();

    /** Recomputes everything from the incident's posts (after a merge or split, or for an incident never assessed). */
    public Change assess(Incident incident, IncidentTriage t) {
        return assess(incident, t, null);
    }

    /** Casualty figures of one post, read once when the post is processed (pure; safe on any thread). */
    public Optional<CasualtyAssessment> casualty(String title, String body) {
        return casualties.assess((title == null ? "" : title + "。") + cut(body));
    }

    /**
     * Reassesses an incident after posts joined. {@code fresh}: the casualty figures of the posts that joined now
     * (null: read every post again). Cost does not grow with the incident's size but for one light row per post
     * (time, source, platform) that spread and heat need; texts are read for the 30 most recent posts only.
     */
    public Change assess(Incident incident, IncidentTriage t, List<Optional<CasualtyAssessment>> fresh) {
        return assess(incident, t, fresh, true);
    }

    /**
     * Whether a batch that brought {@code originals} new original posts (reposts not counted) should re-read the texts
     * (summary, sentiment, category): while the incident is young, then at every tenth post; a repost only moves the
     * counters, the spread, the heat and the grade.
     */
    public static boolean textChanged(int postsBefore, int originals, int postsAfter) {
        return originals > 0 && (postsBefore < TEXT_POSTS || postsBefore / 10 != postsAfter / 10);
    }

    public Change assess(Incident incident, IncidentTriage t, List<Optional<CasualtyAssessment>> fresh, boolean readTexts) {
        List<IncidentPosts.Light> posts = incidentPosts.light(incident.id);
        Grade before = incident.grade;
        if (posts.isEmpty()) {
            return new Change(before, before, false);
        }
        Optional<Art18Category> category;
        if (readTexts || fresh == null || incident.summary == null) {
            category = readTexts(incident, t);
        } else {
            category = Optional.ofNullable(incident.category).map(Art18Category::fromCode);
        }
        casualties(incident, t, fresh);
        return grade(incident, t, posts, category, before);
    }

    private Optional<Art18Category> readTexts(Incident incident, IncidentTriage t) {
        List<String> texts = new ArrayList<>();
        StringBuilder titles = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        for (IncidentPosts.Row r : incidentPosts.recent(incident.id, TEXT_POSTS)) {
            String body = cut(r.body());
            texts.add((r.title() == null ? "" : r.title() + "。") + body);
            titles.append(r.title() == null ? "" : r.title()).append('\n');
            bodies.append(body).append('\n');
        }
        List<String> summary = ExtractiveSummarizer.summarize(texts, 3, 300);
        incident.summary = summary.isEmpty() ? null : String.join("", summary);
        Sentiment s = sentiment.analyze(titles + "\n" + (incident.summary == null ? bodies : incident.summary));
        t.sentiment = s.label().name().toLowerCase();
        t.sentimentScore = s.score();
        Optional<Art18Category> category = categories.classify(titles.toString(), bodies.toString()).category();
        incident.category = category.map(Art18Category::code).orElse(null);
        return category;
    }

    private void casualties(Incident incident, IncidentTriage t, List<Optional<CasualtyAssessment>> fresh) {
        List<Optional<CasualtyAssessment>> read = fresh;
        if (read == null || t.casualtyReason == null) {  // every post, once
            t.casualtyGrade = null;
            t.casualtyReason = "";
            read = incidentPosts.of(incident.id).stream().map(r -> casualty(r.title(), r.body())).toList();
        }
        for (Optional<CasualtyAssessment> a : read) {
            if (a.isPresent() && (t.casualtyGrade == null || a.get().grade().ordinal() < Grade.valueOf(t.casualtyGrade).ordinal())) {
                t.casualtyGrade = a.get().grade().name();
                t.casualtyReason = a.get().reason() == null ? "" : a.get().reason();
            }
        }
    }

    private Change grade(Incident incident, IncidentTriage t, List<IncidentPosts.Light> posts,
            Optional<Art18Category> category, Grade before) {
        Optional<Grade> casualtyGrade = Optional.ofNullable(t.casualtyGrade).map(Grade::valueOf);
        Spread spread = Spread.of(posts.stream().map(r -> new SpreadPost(r.publishedAt(), r.source(), r.platform())).toList());
        IncidentGrader.Result graded = grader.grade(new IncidentGrader.Input(casualtyGrade,
                casualtyGrade.isPresent() ? t.casualtyReason : null, spread, category));
        if (!t.gradeLocked) {
            incident.grade = graded.grade();
            t.gradeReason = graded.reason();
        }
        t.postCount = posts.size();
        t.repostCount = (int) posts.stream().filter(r -> r.duplicateOf() != null).count();
        t.sourceCount = spread.distinctSources();
        t.platformCount = spread.distinctPlatforms();
        Instant first = spread.firstSeen();
        if (first != null && (incident.startedAt == null || first.isBefore(incident.startedAt))) {
            incident.startedAt = first;
        }
        t.lastPostAt = posts.stream().map(IncidentPosts.Light::publishedAt).max(Instant::compareTo).orElse(null);
        Instant now = clock.instant();
        Heat heat = Heat.of(posts.stream().map(IncidentPosts.Light::publishedAt).toList(), now, heatConfig);
        boolean started = heat.rising() && !t.rising;
        t.rising = heat.rising();
        if (started) {
            t.risingSince = now;
        }
        incident.updatedAt = now;
        return new Change(before, incident.grade, started);
    }

    public Heat heat(List<Instant> publishedAt) {
        return Heat.of(publishedAt, clock.instant(), heatConfig);
    }

    private static String cut(String body) {
        return body == null ? "" : body.length() <= TEXT_CHARS ? body : body.substring(0, TEXT_CHARS);
    }
}
