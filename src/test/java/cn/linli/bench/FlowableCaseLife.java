package cn.linli.bench;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * The baseline of the case-life benchmark: the plain Flowable process engine (no Spring Boot starter) on the same
 * PostgreSQL server and connection pool size, history level {@code audit}, no async executor. One case is the
 * process started with the case's variables and its six user tasks completed, each with a variable as Linli's
 * steps carry a note.
 */
final class FlowableCaseLife implements AutoCloseable {

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FlowableCaseLife(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        configuration.setDisableEventRegistry(true);
        configuration.setDisableIdmEngine(true);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bench/case-life.bpmn20.xml").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    /** One whole life: start (intake) and six tasks. */
    void run(int n) {
        String id = runtime.startProcessInstanceByKey("caseLife", "bench-" + n, Map.of(
                "title", "永安社区3号楼东侧垃圾堆放", "category", "SJ0102", "lng", 130.36, "lat", 46.81, "unit", "chengguan")).getId();
        for (String step : List.of("dispatch", "accept", "handle", "verify", "close", "visit")) {
            Task task = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(step).singleResult();
            tasks.complete(task.getId(), Map.of(step + "Note", "bench " + step));
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
