/**
 * The hotline knowledge base (知识库): questions residents ask and the answers call-takers give, tagged with case
 * category codes, versioned, with validity periods and an owning department. The front desk suggests answers from it
 * while an inquiry is typed, and the resident portal shows answers before an inquiry is filed.
 * <p>
 * The API: {@link cn.linli.knowledge.KnowledgeBase} (search, entries and their history) and
 * {@link cn.linli.knowledge.KnowledgeEditing} (create, revise, retire, synonyms). Full-text search runs on an
 * in-memory Lucene index with Chinese word segmentation; every instance rebuilds it from the database at start and
 * when another instance signals a change.
 * <p>
 * Depends on the shared kernel and the infrastructure every module uses (the web frame, the signed-in actor from
 * access, cluster signals); category codes are plain text here, so the knowledge base knows no business module and
 * casework may ask it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base",
        allowedDependencies = {"shared", "web", "access", "cluster"})
package cn.linli.knowledge;
