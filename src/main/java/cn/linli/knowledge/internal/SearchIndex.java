package cn.linli.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.web.util.HtmlUtils;

import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.knowledge.KnowledgeHit;

/**
 * The in-memory full-text index of the entries that are not retired. Questions weigh twice as much as answers; an
 * entry tagged with the asked minor category gains most, one tagged with its major class (the first four
 * characters) less, so that the desk's suggestions for 室内温度不达标 (FW0701) put heating answers first. Writes are
 * serialised; searches run concurrently on the last refreshed view.
 */
@org.springframework.stereotype.Component
public class SearchIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String QUESTION = "question";
    private static final String ANSWER = "answer";
    private static final String CATEGORY = "category";
    private static final String VALID_FROM = "valid_from";
    private static final String VALID_TO = "valid_to";
    private static final int SNIPPET_CHARS = 90;
    /**
     * Question and answer are stored and indexed with their words' offsets, so that marking the words of a hit reads
     * the offsets instead of segmenting the text again, which would cost more than the search.
     */
    private static final FieldType TEXT = textWithOffsets();

    private final Analyzer indexAnalyzer = ChineseAnalyzers.index();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Analyzer queryAnalyzer = ChineseAnalyzers.index();
    /** The indexed entries by id, so that a search answers without a database round trip. */
    private final Map<Long, KnowledgeEntry> entries = new ConcurrentHashMap<>();

    public SearchIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void replaceAll(Collection<KnowledgeEntry> entries, List<List<String>> synonyms) {
        try {
            writer.deleteAll();
            this.entries.clear();
            // segmenting the text is the cost of indexing, and the writer takes documents from several threads at once
            entries.parallelStream().filter(entry -> !entry.retired()).forEach(entry -> {
                try {
                    writer.addDocument(document(entry));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                this.entries.put(entry.id(), entry);
            });
            writer.commit();
            queryAnalyzer = ChineseAnalyzers.query(synonyms);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void put(KnowledgeEntry entry) {
        try {
            Term id = new Term(ID, Long.toString(entry.id()));
            if (entry.retired()) {
                writer.deleteDocuments(id);
                entries.remove(entry.id());
            } else {
                writer.updateDocument(id, document(entry));
                entries.put(entry.id(), entry);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void useSynonyms(List<List<String>> synonyms) {
        queryAnalyzer = ChineseAnalyzers.query(synonyms);
    }

    /**
     * The best entries for the text and categories, on the day when {@code validOn} is given (else whatever their
     * validity). With blank text, the entries of the categories.
     */
    public List<KnowledgeHit> search(String text, Collection<String> categories, LocalDate validOn, int limit) {
        Analyzer analyzer = queryAnalyzer;
        Query textQuery = textQuery(analyzer, text == null ? "" : text.strip());
        Query categoryQuery = categoryQuery(categories);
        if (textQuery == null && categoryQuery == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (textQuery != null) {
            query.add(textQuery, Occur.MUST);
            if (categoryQuery != null) {
                query.add(categoryQuery, Occur.SHOULD);
            }
        } else {
            query.add(categoryQuery, Occur.MUST);
        }
        if (validOn != null) {
            long day = validOn.toEpochDay();
            query.add(LongPoint.newRangeQuery(VALID_FROM, Long.MIN_VALUE, day), Occur.FILTER);
            query.add(LongPoint.newRangeQuery(VALID_TO, day, Long.MAX_VALUE), Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query.build(), limit);
                Map<String, String[]> marked = marked(searcher, textQuery, top);
                String[] questions = marked.get(QUESTION);
                String[] answers = marked.get(ANSWER);
                List<KnowledgeHit> hits = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    ScoreDoc doc = top.scoreDocs[i];
                    long id = Long.parseLong(searcher.storedFields().document(doc.doc).get(ID));
                    KnowledgeEntry entry = entries.get(id);
                    if (entry != null) {
                        hits.add(new KnowledgeHit(entry, orPlain(questions[i], entry.question(), Integer.MAX_VALUE),
                                orPlain(answers[i], entry.answer(), SNIPPET_CHARS), doc.score));
                    }
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query textQuery(Analyzer analyzer, String text) {
        if (text.isEmpty()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        Query question = builder.createBooleanQuery(QUESTION, text, Occur.SHOULD);
        Query answer = builder.createBooleanQuery(ANSWER, text, Occur.SHOULD);
        if (question == null && answer == null) {
            return null;
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (question != null) {
            either.add(new BoostQuery(question, 2f), Occur.SHOULD);
        }
        if (answer != null) {
            either.add(answer, Occur.SHOULD);
        }
        return either.build();
    }

    private static Query categoryQuery(Collection<String> categories) {
        if (categories == null || categories.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String code : categories) {
            any.add(new BoostQuery(new TermQuery(new Term(CATEGORY, code)), 3f), Occur.SHOULD);
            if (code.length() > 4) {
                any.add(new BoostQuery(new TermQuery(new Term(CATEGORY, code.substring(0, 4))), 1.5f), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * The question and answer of each hit, escaped, with the query's words marked: a question as a whole, an answer as
     * its best passage of about a line; null where nothing in the field matched, or without a text query. Both fields
     * in one pass, and the words marked are the query's terms rather than its weight's matches: on 10,000 entries the
     * weight matcher made highlighting cost more than the search itself (a profile under load; docs/performance.md).
     */
    private Map<String, String[]> marked(IndexSearcher searcher, Query textQuery, TopDocs top) throws IOException {
        if (textQuery == null || top.scoreDocs.length == 0) {
            return Map.of(QUESTION, new String[top.scoreDocs.length], ANSWER, new String[top.scoreDocs.length]);
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.equals(QUESTION) ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.CHINA), SNIPPET_CHARS, 0.3f);
            }
        };
        return highlighter.highlightFields(new String[] {QUESTION, ANSWER}, textQuery, top, new int[] {1, 1});
    }

    /** The text escaped when nothing in it was marked; an answer cut to its beginning. */
    private static String orPlain(String marked, String text, int maxChars) {
        if (marked != null && !marked.isEmpty()) {
            return marked;
        }
        return HtmlUtils.htmlEscape(text.length() > maxChars ? text.substring(0, maxChars) + "…" : text);
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document document(KnowledgeEntry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(entry.id()), Field.Store.YES));
        doc.add(new Field(QUESTION, entry.question(), TEXT));
        doc.add(new Field(ANSWER, entry.answer(), TEXT));
        for (String code : entry.categoryCodes()) {
            doc.add(new StringField(CATEGORY, code, Field.Store.NO));
            if (code.length() > 4) {
                doc.add(new StringField(CATEGORY, code.substring(0, 4), Field.Store.NO));
            }
        }
        doc.add(new LongPoint(VALID_FROM, entry.validFrom().toEpochDay()));
        doc.add(new LongPoint(VALID_TO, entry.validTo() == null ? Long.MAX_VALUE : entry.validTo().toEpochDay()));
        return doc;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
