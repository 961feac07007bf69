package cn.linli.access;

import java.util.List;

/** One page of the account list. */
public record AccountPage(List<AccountView> accounts, long total, int page, int size) {

    public AccountPage {
        accounts = List.copyOf(accounts);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
