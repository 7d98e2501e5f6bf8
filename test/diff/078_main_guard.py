# if __name__ == "__main__" and module-level names
def main():
    print("running main in", __name__)
    return 0
print("module body, __name__ =", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
