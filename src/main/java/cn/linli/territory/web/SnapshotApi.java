package cn.linli.territory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.SnapshotImports;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.internal.snapshot.ParentRef;
import cn.linli.territory.internal.snapshot.ProposedOperation;
import cn.linli.territory.internal.snapshot.ReviewerPairing;
import cn.linli.territory.internal.snapshot.SnapshotDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Official code lists: upload (validated as a whole, kept), the proposed operations for review, and apply with the
 * reviewer's pairings in one transaction. City administrators only.
 */
@RestController
@RequestMapping(path = "/api/territory/snapshots", produces = "application/json")
@Tag(name = "territory snapshots", description = "Import official division-code lists")
class SnapshotApi {

    private final SnapshotImports imports;
    private final CurrentActor actors;

    SnapshotApi(SnapshotImports imports, CurrentActor actors) {
        this.imports = imports;
        this.actors = actors;
    }

    record OperationView(String type, Long unitId, String matchedBy, String code, String name, String from, String to,
            String parent) {
    }

    record CandidateView(long unitId, String currentCode, String currentName, String newCode, String newName, String reason) {
    }

    record PreviewView(long importId, String asOf, Map<String, Integer> matchedByRule, List<OperationView> operations,
            List<CandidateView> reviewCandidates) {
    }

    record Pairing(long unitId, String newCode) {
    }

    record ApplyRequest(List<Pairing> pairings, String note) {
    }

    record Applied(long operationId) {
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Upload a code list (CSV: code,name,level,parent_code[,urban_rural_code]) as of a date; returns the proposed operations")
    PreviewView upload(@RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String date) {
        Actor actor = administrator();
        if (file == null || file.isEmpty()) throw new TerritoryException("file", "territory.error.file");
        return view(imports.upload(file.getOriginalFilename(), bytes(file), ApiParameters.date(date), actor.username()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The proposed operations of an uploaded list, with optional reviewer pairings unitId:newCode")
    PreviewView preview(@PathVariable long id, @RequestParam(name = "pair", required = false) List<String> pairs) {
        administrator();
        return view(imports.preview(id, parsePairs(pairs)));
    }

    @PostMapping(path = "/{id}/apply", consumes = "application/json")
    @Operation(summary = "Apply an uploaded list with the reviewer's pairings: one transaction, one recorded operation")
    Applied apply(@PathVariable long id, @RequestBody(required = false) ApplyRequest request) {
        administrator();
        List<ReviewerPairing> pairings = request == null || request.pairings() == null ? List.of()
                : request.pairings().stream().map(p -> new ReviewerPairing(p.unitId(), DivisionCode.of(p.newCode()))).toList();
        return new Applied(imports.apply(id, pairings, request == null ? null : request.note()));
    }

    private Actor administrator() {
        return TerritoryEditors.require(actors);
    }

    static List<ReviewerPairing> parsePairs(List<String> pairs) {
        if (pairs == null) return List.of();
        return pairs.stream().map(pair -> {
            String[] parts = pair.split(":", 2);
            try {
                return new ReviewerPairing(Long.parseLong(parts[0].strip()), DivisionCode.of(parts.length > 1 ? parts[1] : ""));
            } catch (NumberFormatException e) {
                throw new TerritoryException("pair", "territory.error.pair-format", pair);
            }
        }).toList();
    }

    static PreviewView view(SnapshotImports.Preview preview) {
        SnapshotDiff diff = preview.diff();
        Map<String, Integer> rules = new java.util.LinkedHashMap<>();
        diff.matchCountByRule().forEach((rule, count) -> rules.put(rule.name(), count));
        return new PreviewView(preview.importId(), preview.asOf().toString(), rules,
                diff.operations().stream().map(SnapshotApi::operation).toList(),
                diff.reviewCandidates().stream().map(c -> new CandidateView(c.unitId(), text(c.currentCode()), c.currentName(),
                        text(c.newCode()), c.newName(), c.reason().name())).toList());
    }

    private static OperationView operation(ProposedOperation op) {
        String type = op.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
        if (op instanceof ProposedOperation.Create c) {
            return new OperationView(type, null, null, c.code().value(), c.name(), null, null, parent(c.parent()));
        }
        if (op instanceof ProposedOperation.Rename r) return new OperationView(type, r.unitId(), r.matchedBy().name(), null, null, r.oldName(), r.newName(), null);
        if (op instanceof ProposedOperation.Recode r) return new OperationView(type, r.unitId(), r.matchedBy().name(), null, null, text(r.oldCode()), text(r.newCode()), null);
        if (op instanceof ProposedOperation.Move m) return new OperationView(type, m.unitId(), m.matchedBy().name(), null, null, String.valueOf(m.oldParentUnitId()), null, parent(m.newParent()));
        if (op instanceof ProposedOperation.Reclassify r) return new OperationView(type, r.unitId(), r.matchedBy().name(), null, null, r.oldUrbanRural(), r.newUrbanRural(), null);
        ProposedOperation.Abolish a = (ProposedOperation.Abolish) op;
        return new OperationView(type, a.unitId(), null, text(a.code()), a.name(), null, null, null);
    }

    private static String parent(ParentRef parent) {
        if (parent == null) return null;
        return parent instanceof ParentRef.Existing e ? "unit:" + e.unitId() : "new:" + ((ParentRef.Created) parent).code().value();
    }

    private static String text(DivisionCode code) {
        return code == null ? null : code.value();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
