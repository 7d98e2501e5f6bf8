# a small OOP program with validation
class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(f"{self.owner}: {amt} > {self._balance}")
        self._balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"
acc = Account("ann", 100)
acc.deposit(50)
acc.withdraw(30)
for bad in (lambda: acc.withdraw(500), lambda: acc.deposit(-1)):
    try:
        bad()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(acc, acc.balance, acc.history, round(acc.balance * (1 + Account.interest), 2))
