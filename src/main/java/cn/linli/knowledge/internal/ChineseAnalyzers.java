package cn.linli.knowledge.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysers of the knowledge base: Chinese text is segmented into words (smartcn's hidden-Markov-model
 * segmenter, trained on a Chinese corpus), lower-cased, and common function words dropped. Synonyms are applied only
 * to the query, so changing them needs no re-indexing: a query for 暖气 also asks for 供暖 and 采暖.
 */
final class ChineseAnalyzers {

    private ChineseAnalyzers() {
    }

    /** For indexing and for highlighting the stored text. */
    static Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** For queries: the index analyser plus the synonym groups. */
    static Analyzer query(List<List<String>> synonymGroups) {
        SynonymMap synonyms = synonyms(synonymGroups);
        if (synonyms == null) {
            return index();
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new SynonymGraphFilter(stream, synonyms, true);
                stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** The groups as equivalences, each word segmented like the text it is to match; null without groups. */
    private static SynonymMap synonyms(List<List<String>> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        StringBuilder rules = new StringBuilder();
        for (List<String> group : groups) {
            rules.append(String.join(",", group)).append('\n');
        }
        try (Analyzer analyzer = index()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(rules.toString()));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("synonym groups were checked before they were stored", e);
        }
    }
}
