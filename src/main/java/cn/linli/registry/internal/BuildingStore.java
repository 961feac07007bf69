package cn.linli.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.registry.BuildingType;
import cn.linli.registry.NewBuilding;

/** Buildings (registry_building). */
@Repository
public class BuildingStore {

    private final JdbcClient jdbc;

    BuildingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewBuilding building, long gridId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registry_building (address, lng, lat, grid_id, type, units, floors)
                values (:address, :lng, :lat, :grid, :type, :units, :floors)""")
                .param("address", building.address())
                .param("lng", building.point() == null ? null : building.point().lng())
                .param("lat", building.point() == null ? null : building.point().lat())
                .param("grid", gridId).param("type", building.type().name())
                .param("units", building.units()).param("floors", building.floors())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Rows.Building> find(long id) {
        return jdbc.sql("select * from registry_building where id = ?").param(id).query(BuildingStore::row).optional();
    }

    static Rows.Building row(ResultSet rs, int n) throws SQLException {
        double lng = rs.getDouble("lng");
        Double lngOrNull = rs.wasNull() ? null : lng;
        double lat = rs.getDouble("lat");
        Double latOrNull = rs.wasNull() ? null : lat;
        return new Rows.Building(rs.getLong("id"), rs.getString("address"), lngOrNull, latOrNull, rs.getLong("grid_id"),
                BuildingType.valueOf(rs.getString("type")), rs.getInt("units"), rs.getInt("floors"));
    }
}
