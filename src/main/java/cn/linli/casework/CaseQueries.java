package cn.linli.casework;

import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.casework.internal.CaseReading;

/**
 * Casework's read side. A case is found only by users who may see it: those whose jurisdiction covers its place and
 * the units it was dispatched to; for everyone else it does not exist.
 */
@Service
public class CaseQueries {

    private final CaseReading reading;

    CaseQueries(CaseReading reading) {
        this.reading = reading;
    }

    public Optional<CaseView> find(long id) {
        return reading.find(id);
    }

    public Optional<CaseView> findByNumber(String number) {
        return reading.idByNumber(number).flatMap(reading::find);
    }
}
