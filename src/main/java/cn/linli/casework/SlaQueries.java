package cn.linli.casework;

import org.springframework.stereotype.Service;

import cn.linli.casework.internal.SlaBoard;

/**
 * Deadlines as supervisors watch them: the breached and at-risk cases of the signed-in supervisor's jurisdiction
 * (city administrators, district and street staff; others are refused).
 */
@Service
public class SlaQueries {

    private final SlaBoard board;

    SlaQueries(SlaBoard board) {
        this.board = board;
    }

    public SlaOverview overdue() {
        return board.overview();
    }
}
