package cn.linli.access;

import java.util.Set;

public record Actor(long userId, String username, String displayName, Set<Role> roles, Jurisdiction jurisdiction) {
}
