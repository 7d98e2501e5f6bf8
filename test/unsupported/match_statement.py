# unsupported: match statement
match 3:
    case 3:
        print("three")
