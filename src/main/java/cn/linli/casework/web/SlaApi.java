package cn.linli.casework.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.SlaOverview;
import cn.linli.casework.SlaQueries;

/** The supervisor's view as JSON: breached and at-risk cases of the caller's jurisdiction by unit. */
@RestController
class SlaApi {

    private final SlaQueries queries;

    SlaApi(SlaQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/casework/sla/overdue")
    SlaOverview overdue() {
        return queries.overdue();
    }
}
